#pragma once
// What a baby drinks a day, by age: the norm the planner divides over the
// feeds when they were logged without amounts (nursing).
//
// Sources (each number in intake.cpp names one of them):
//   Kent et al. 2006: Kent JC, Mitoulas LR, Cregan MD, Ramsay DT, Doherty DA,
//     Hartmann PE. Volume and frequency of breastfeedings and fat content of
//     breast milk throughout the day. Pediatrics 117(3):e387-e395. Exclusively
//     breastfed babies of 1 to 6 months drank 788 ml a day on average (SD 169),
//     with no change over those months.
//   IOM 1991: Institute of Medicine, Nutrition During Lactation, chapter 5 "Milk
//     Volume" (National Academies Press). Babies drink 500-700 g a day at 6-10
//     days after birth (Casey et al. 1986; Saint et al. 1984); 637 g a day at 9
//     months and 445 g a day at 12 months, with other foods (Dewey et al.).
#include <string>
#include <string_view>

#include <date/date.h>

#include "pumplog/units.hpp"

namespace pumplog {

struct IntakeNorm {
    Volume daily;             // about this much a day
    std::string_view source;  // "Kent et al. 2006", ...
};

// The norm for a baby `age_days` old (the day of birth is day 0):
//   up to day 10: 600 ml, the middle of 500-700 (IOM 1991; less still before
//     the milk comes in, over days 3-5);
//   days 10 to 30: from 600 ml up to 788 ml, linearly;
//   days 30 to 182 (1 to 6 months): 788 ml (Kent et al. 2006);
//   then down linearly to 637 ml on day 274 (9 months) and 445 ml on day 365
//     (12 months) (IOM 1991, Dewey et al.); 445 ml from then on.
IntakeNorm intake_norm(int age_days);

// The sentence an estimate adds when `birth` is not set and the age counted
// from the journal's first entry on `first` (a leading space included).
std::string age_from_journal_sentence(date::sys_days first);

}  // namespace pumplog
