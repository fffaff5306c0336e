#pragma once
// Reading a whole project as it stood at one moment. Work that reads on a
// connection of its own while the user goes on changing the project (an
// export, a report) would otherwise write out part of the old project and
// part of the new: a coding whose code was renamed halfway, say.
namespace fokus {

class Project;

class Snapshot {
public:
    // Every read through `project`'s connection until the snapshot ends sees
    // the project as it was now. Nothing may be changed through it meanwhile.
    explicit Snapshot(Project& project);
    Snapshot(const Snapshot&) = delete;
    Snapshot& operator=(const Snapshot&) = delete;
    ~Snapshot();

private:
    Project& project_;
};

}  // namespace fokus
