#include "pumplog/amend.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "pumplog/error.hpp"
#include "pumplog/fields.hpp"
#include "pumplog/guideline.hpp"
#include "pumplog/record.hpp"
#include "pumplog/stock.hpp"
#include "pumplog/text.hpp"

namespace pumplog {

void Amendment::set(std::uint32_t bit) {
    if (std::find(order_.begin(), order_.end(), bit) == order_.end()) order_.push_back(bit);
    values_.set_fields |= bit;
}

void Amendment::set_at(Seconds at, const date::time_zone* zone) {
    values_.set_at.instant = at;
    values_.set_at_text = format_rfc3339(at, zone);
    set(field_at);
}

nlohmann::ordered_json Amendment::json(const date::time_zone* zone) const {
    nlohmann::ordered_json set = nlohmann::ordered_json::object();
    for (const std::uint32_t bit : order_) {
        if (bit == field_at) {
            set["at"] = values_.set_at_text;
        } else {
            const FieldSpec& field = *field_of_bit(bit);
            set[std::string(field.name)] = field_json(field, values_, zone);
        }
    }
    return set;
}

std::optional<Amendment> stored_follows(const Entry& pump, const Entry& corrected, const Entry& store,
                                       const date::time_zone* zone) {
    if (pump.type != EntryType::pump || store.type != EntryType::store || store.from != pump.id)
        return std::nullopt;
    Amendment set;
    Entry& v = set.values();
    if (corrected.at.instant != pump.at.instant) {
        if (store.at.instant == pump.at.instant) set.set_at(corrected.at.instant, zone);
        if (store.pumped && store.pumped->instant == pump.at.instant) {
            v.pumped = Stamp{corrected.at.instant, {}};
            set.set(field_pumped);
        }
    }
    if (corrected.ml && pump.ml && store.ml && *corrected.ml != *pump.ml && *store.ml == *pump.ml) {
        v.ml = corrected.ml;
        set.set(field_ml);
    }
    if (set.empty()) return std::nullopt;
    return set;
}

std::optional<Amendment> use_follows(const Entry& feed, const Entry& corrected, const Entry& use) {
    if (feed.type != EntryType::feed || use.type != EntryType::use || use.from != feed.id) return std::nullopt;
    if (!corrected.ml || !feed.ml || !use.ml || *corrected.ml == *feed.ml || *use.ml != *feed.ml) return std::nullopt;
    Amendment set;
    set.values().ml = corrected.ml;
    set.set(field_ml);
    return set;
}

Line amend_line(std::string_view target, const Amendment& set, Seconds now, std::string_view id,
                const date::time_zone* zone) {
    return amend_line(target, set.json(zone), now, id, zone);
}

Amendment amendment(const EditRequest& o, const Entry& target, const Clock& clock, Unit bare) {
    Amendment set;
    Entry& v = set.values();
    const bool sides_given = !o.left.empty() || !o.right.empty();
    if (!o.at.empty()) {
        const Seconds at = parse_time_point(o.at, clock);
        check_not_future(at, clock.now, o.force, clock.zone);
        set.set_at(at, clock.zone);
    }
    if (o.note) {
        v.note = *o.note;  // empty: removed
        set.set(field_note);
    }
    const auto duration = [&](const std::string& text) {
        const std::chrono::seconds d = parse_session_duration(text);
        check_plausible_duration(d, o.force);
        return d.count();
    };
    // A field the entry holds, removed.
    const auto clear = [&](std::uint32_t bit, bool present) {
        if (present) set.set(bit);
    };
    if (o.bottle && o.breast) throw usage_error("a feed is either --bottle or --breast, not both");
    if ((o.bottle || o.breast) && target.type != EntryType::feed) throw usage_error("--bottle/--breast go with a feed");

    if (target.type == EntryType::pump) {
        if (!o.milk.empty()) throw usage_error("--milk goes with a bottle feed");
        if (!o.amount.empty() && sides_given) throw usage_error("give either --amount or --left/--right, not both");
        if (!o.amount.empty()) {
            const SideAmounts a = parse_session_amount(o.amount, bare);
            const auto [typed_left, typed_right] = typed_sides(o.amount);
            check_sides_alike(typed_left, typed_right, bare, o.force);
            check_plausible_session(a, o.force, written_unit({o.amount}, bare));
            v.ml = round_ml(a.total.ml());
            set.set(field_ml);
            // The sides follow the new amount: a plain amount drops the old ones.
            if (a.left) {
                v.left_ml = round_ml(a.left->ml());
                set.set(field_left_ml);
            } else {
                clear(field_left_ml, target.left_ml.has_value());
            }
            if (a.right) {
                v.right_ml = round_ml(a.right->ml());
                set.set(field_right_ml);
            } else {
                clear(field_right_ml, target.right_ml.has_value());
            }
        }
        if (sides_given) {
            std::optional<Volume> left, right;
            if (target.left_ml) left = Volume::from_ml(*target.left_ml);
            if (target.right_ml) right = Volume::from_ml(*target.right_ml);
            if (!o.left.empty()) left = parse_amount(o.left, bare);
            if (!o.right.empty()) right = parse_amount(o.right, bare);
            check_sides_alike({"--left", o.left}, {"--right", o.right}, bare, o.force);
            const Volume total = left.value_or(Volume{}) + right.value_or(Volume{});
            // Named in the unit typed when both sides are new (one kept is in the journal's ml).
            const bool both_typed = (!o.left.empty() || !left) && (!o.right.empty() || !right);
            check_plausible_session(SideAmounts{total, left, right}, o.force,
                                    both_typed ? written_unit({o.left, o.right}, bare) : Unit::ml);
            if (left) {
                v.left_ml = round_ml(left->ml());
                set.set(field_left_ml);
            }
            if (right) {
                v.right_ml = round_ml(right->ml());
                set.set(field_right_ml);
            }
            v.ml = round_ml(total.ml());
            set.set(field_ml);
        }
        if (!o.duration.empty()) {
            v.dur_s = duration(o.duration);
            set.set(field_dur_s);
        }
    } else if (target.type == EntryType::feed) {
        const bool was_breast = target.method == FeedMethod::breast;
        const bool breast = o.breast || (was_breast && !o.bottle);
        if (breast) {
            if (!o.amount.empty())
                throw usage_error("a breast feed has durations, not an amount; use --left/--right or --dur");
            if (!o.milk.empty()) throw usage_error("--milk goes with a bottle feed");
            if (!was_breast) {
                v.method.set(FeedMethod::breast);
                set.set(field_method);
                clear(field_ml, target.ml.has_value());
                clear(field_milk, !target.milk.empty());
            }
            // --dur is the time when the sides were not timed (pumplog(5)): the one replaces the other.
            if (!o.duration.empty() && sides_given)
                throw usage_error("give --left/--right (each side timed) or --dur (the sides not timed), not both");
            if (!o.left.empty()) {
                v.left_s = duration(o.left);
                set.set(field_left_s);
            }
            if (!o.right.empty()) {
                v.right_s = duration(o.right);
                set.set(field_right_s);
            }
            if (sides_given) {
                clear(field_dur_s, target.dur_s.has_value());
                const auto side = [](const std::optional<std::int64_t>& given, const std::optional<std::int64_t>& had) {
                    const std::optional<std::int64_t>& s = given ? given : had;
                    return s ? std::optional<std::chrono::seconds>(*s) : std::nullopt;
                };
                check_plausible_nursing(side(v.left_s, target.left_s), side(v.right_s, target.right_s), o.force);
            }
            if (!o.duration.empty()) {
                v.dur_s = duration(o.duration);
                set.set(field_dur_s);
                clear(field_left_s, target.left_s.has_value());
                clear(field_right_s, target.right_s.has_value());
            }
        } else {
            if (sides_given) throw usage_error("--left/--right go with --breast");
            if (!o.duration.empty()) throw usage_error("--dur goes with --breast (a bottle has an amount)");
            if (was_breast) {
                if (o.amount.empty()) throw usage_error("a bottle feed needs its --amount");
                v.method.set(FeedMethod::bottle);
                set.set(field_method);
                clear(field_left_s, target.left_s.has_value());
                clear(field_right_s, target.right_s.has_value());
                clear(field_dur_s, target.dur_s.has_value());
                if (o.milk.empty()) {
                    v.milk.set(Milk::breast);
                    set.set(field_milk);
                }
            }
            if (!o.amount.empty()) {
                const Volume amount = parse_amount(o.amount, bare);
                check_plausible_session(amount, o.force, written_unit({o.amount}, bare));
                v.ml = round_ml(amount.ml());
                set.set(field_ml);
            }
            if (!o.milk.empty()) {
                v.milk.set(parse_milk(o.milk));
                set.set(field_milk);
            }
        }
    } else {
        // Stock entries: their time and note, and the volume of a store or a use.
        if (sides_given || !o.duration.empty() || !o.milk.empty())
            throw usage_error("--left/--right, --dur and --milk go with a pump or a feed");
        if (!o.amount.empty()) {
            if (target.type != EntryType::store && target.type != EntryType::use)
                throw usage_error(fmt::format("a {} has no amount; --amount goes with a pump, a bottle feed, a store "
                                              "or a use",
                                              type_name(target.type)));
            const Volume amount = parse_amount(o.amount, bare);
            check_plausible_session(amount, o.force, written_unit({o.amount}, bare));
            if (target.type == EntryType::store) check_container_amount(amount);
            v.ml = round_ml(amount.ml());
            set.set(field_ml);
        }
    }
    // A container stored when it was pumped (add --store, stock add without --pumped) keeps its milk's
    // time with its own: its expiry runs from when the milk was expressed (CDC), so a corrected time moves both.
    if (!o.pumped.empty()) {
        if (target.type != EntryType::store)
            throw usage_error("--pumped goes with a stored container (when its milk was expressed)");
        const Seconds pumped = parse_time_point(o.pumped, clock);
        check_not_future(pumped, clock.now, o.force, clock.zone);
        const Seconds stored = (v.set_fields & field_at) != 0 ? v.set_at.instant : target.at.instant;
        if (stored < pumped)
            throw usage_error(fmt::format("milk pumped at {} cannot be stored before, at {}",
                                          format_date_time(pumped, clock.zone), format_date_time(stored, clock.zone)));
        v.pumped = Stamp{pumped, {}};
        set.set(field_pumped);
    } else if (target.type == EntryType::store && (v.set_fields & field_at) != 0 && target.pumped &&
               target.pumped->instant == target.at.instant) {
        v.pumped = Stamp{v.set_at.instant, {}};
        set.set(field_pumped);
    }
    // The stash's own fields: where a container is kept or was moved to, its label, why it was discarded.
    if (!o.place.empty()) {
        if (target.type != EntryType::store && target.type != EntryType::move)
            throw usage_error("--in goes with a stored container, --to with a move");
        v.place.set(parse_place(o.place));
        set.set(field_place);
    }
    if (!o.label.empty()) {
        if (target.type != EntryType::store) throw usage_error("--label goes with a stored container");
        v.label = std::string(trim(o.label));
        set.set(field_label);
    }
    if (o.reason) {
        if (target.type != EntryType::discard) throw usage_error("--reason goes with a discard");
        v.reason = *o.reason;  // empty: removed
        set.set(field_reason);
    }
    if (!o.baby.empty()) {
        if (target.type != EntryType::feed) throw usage_error("--baby goes with a feed (pumping is the parent's)");
        v.baby = o.baby;
        set.set(field_baby);
    }
    // A pump or feed as corrected starts at its `at` (pumplog(5)): one made to end in the future by a new time
    // or length is refused as the command that recorded it refuses it.
    const std::uint32_t timing = field_at | field_dur_s | field_left_s | field_right_s;
    if ((target.type == EntryType::pump || target.type == EntryType::feed) && (v.set_fields & timing) != 0) {
        const auto as_corrected = [&](std::uint32_t bit, const std::optional<std::int64_t>& corrected,
                                      const std::optional<std::int64_t>& had) -> std::optional<std::chrono::seconds> {
            const std::optional<std::int64_t>& s = (v.set_fields & bit) != 0 ? corrected : had;
            if (!s || !plausible_seconds(*s)) return std::nullopt;
            return std::chrono::seconds(*s);
        };
        const auto left = as_corrected(field_left_s, v.left_s, target.left_s);
        const auto right = as_corrected(field_right_s, v.right_s, target.right_s);
        const auto length = as_corrected(field_dur_s, v.dur_s, target.dur_s);
        // A pump's --left/--right are volumes, a feed's nursing times.
        const bool given = !o.duration.empty() || (target.type == EntryType::feed && sides_given);
        const std::chrono::seconds whole =
            length ? *length : left.value_or(std::chrono::seconds{0}) + right.value_or(std::chrono::seconds{0});
        const std::string_view entry = target.type == EntryType::pump ? "session" : "feed";
        // Named as typed (--dur 40 min), or, moved by --at alone, as the entry holds it.
        const std::string lasting =
            given ? length_as_given(length ? std::nullopt : left, length ? std::nullopt : right, length)
                  : fmt::format("its {} as logged",
                                format_duration(std::chrono::duration_cast<std::chrono::minutes>(whole)));
        const Seconds start = (v.set_fields & field_at) != 0 ? v.set_at.instant : target.at.instant;
        if (whole > std::chrono::seconds{0}) check_not_ending_ahead(start, whole, lasting, entry, clock, o.force);
    }
    if (set.empty())
        throw usage_error("nothing to change; give --amount, --at, --note, --left/--right, --dur, --milk, "
                          "--bottle/--breast, --baby, --pumped, --in, --to, --label or --reason");
    return set;
}

}  // namespace pumplog
