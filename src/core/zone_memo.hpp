#pragma once
// A zone's offsets remembered between look-ups (internal to the planner:
// planner.cpp, plan_cadence.cpp, timetable.cpp). date's get_info searches the
// zone's transitions and builds a sys_info (its abbreviation a std::string)
// on every call; a plan converts thousands of times within a few days, nearly
// all inside one offset range. The range of the last look-up answers every
// time inside it with the offset get_info gives there, so each result is the
// one to_local, minute_of_day, local_day and to_instant (time.hpp) give.
#include <chrono>

#include <date/date.h>
#include <date/tz.h>

#include "pumplog/calendar.hpp"
#include "pumplog/time.hpp"

namespace pumplog {

class ZoneMemo {
public:
    // No zone (nullptr) is the wall clock itself: one range for all time at offset 0, every day
    // 24 hours (the timetable lays its times of day out on it, timetable.cpp).
    explicit ZoneMemo(const date::time_zone* zone) : zone_(zone) {
        if (!zone_) {
            begin_ = Seconds::min();
            end_ = Seconds::max();
        }
    }

    const date::time_zone* zone() const { return zone_; }

    // offset_at(instant, zone): one offset holds on all of [begin, end) of get_info's answer.
    std::chrono::seconds offset_at(Seconds instant) const {
        if (!(instant >= begin_ && instant < end_)) remember(zone_->get_info(instant));
        return offset_;
    }
    LocalSeconds to_local(Seconds instant) const {
        return LocalSeconds(instant.time_since_epoch() + offset_at(instant));
    }
    int minute_of_day(Seconds instant) const { return pumplog::minute_of_day(to_local(instant)); }
    date::sys_days local_day(Seconds instant) const {
        return date::sys_days(date::floor<date::days>(to_local(instant)).time_since_epoch());
    }

    // to_instant(local, zone). A wall-clock time whose instant under the
    // remembered offset lies over two days inside the remembered range is
    // unique there: no other offset (all differ by under two days) maps it
    // into its own range, so get_info's `first` is this range and the instant
    // is local minus its offset. Otherwise date decides (gap, overlap, other range).
    Seconds to_instant(LocalSeconds local) const {
        constexpr std::chrono::seconds margin = std::chrono::hours(48);
        const Seconds guess(local.time_since_epoch() - offset_);
        if (guess - margin >= begin_ && guess + margin < end_) return guess;
        const date::local_info info = zone_->get_info(local);
        if (info.result == date::local_info::unique) remember(info.first);
        return Seconds(local.time_since_epoch() - info.first.offset);
    }

private:
    void remember(const date::sys_info& info) const {
        begin_ = info.begin;
        end_ = info.end;
        offset_ = info.offset;
    }

    const date::time_zone* zone_;
    // The last range, empty at first ([epoch, epoch) holds nothing). The
    // margins are added to a wall-clock time, never to an end (which may be
    // sys_seconds::max()).
    mutable Seconds begin_{}, end_{};
    mutable std::chrono::seconds offset_{0};
};

}  // namespace pumplog
