import VietnameseIdentity

/// The head of one household of a dossier, checked.
struct DossierMember: Sendable {
    var role: MemberRole
    var name: PersonName
    var id: CitizenID
}
