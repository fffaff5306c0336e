#pragma once
// Participants: the people behind speaker labels, with free attributes (role,
// work area, gender, seniority, age...). A label such as "Borger 2" belongs to
// one document; mapping it to a participant says who spoke, across documents.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "types.h"

namespace fokus {

class Project;

struct Participant {
    Id id = 0;
    std::string guid;
    std::string label;
    std::map<std::string, std::string> attributes;
    std::vector<std::pair<Id, std::string>> speaks_as;  // (document, speaker label)
};

class ParticipantStore {
public:
    explicit ParticipantStore(Project& project) : project_(project) {}

    std::vector<Participant> all() const;
    std::optional<Participant> find(std::string_view label) const;
    // One participant's attributes by name.
    std::map<std::string, std::string> attributes(Id participant) const;
    // The participant with this label, made when missing.
    Id ensure(std::string_view label);
    void set_attribute(Id participant, std::string_view name, std::string_view value);
    // Says that `label` in `document` is this participant; InputError when the
    // document has no such speaker.
    void map_speaker(Id document, std::string_view label, Id participant);

private:
    Project& project_;
};

}  // namespace fokus
