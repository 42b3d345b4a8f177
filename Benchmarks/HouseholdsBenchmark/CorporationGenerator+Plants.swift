import BenchmarkSupport
import Foundation
import WorkingCalendar

/// The planted duplicates: people and household books written into one dossier and copied
/// into the next one or two of the same or another branch, as ``CorporationGenerator`` explains.
extension CorporationGenerator {
    /// A planted duplicate still waiting for its copies in later dossiers.
    struct PendingPlant {
        enum Kind {
            /// `planted` is the person's position in the run's list of planted people.
            case person(planted: Int, copiesWanted: Int)
            case book(String)
        }
        let kind: Kind
        let originBranch: String
        let sameBranch: Bool
        var holders: [String]
    }
}

extension CorporationGenerator.Run {
    /// Copies at most one pending plant of each kind into this dossier, then starts new
    /// plants here on their schedule.
    mutating func plant(into subs: inout [CorporationGenerator.SubHousehold], code: String, branch: String) {
        var placedPerson = false
        var placedBook = false
        var position = 0
        while position < pending.count {
            let plant = pending[position]
            guard (plant.originBranch == branch) == plant.sameBranch, !plant.holders.contains(code) else {
                position += 1
                continue
            }
            switch plant.kind {
            case .person(let person, let copiesWanted) where !placedPerson:
                placedPerson = true
                subs.append(copy(of: planted[person]))
                pending[position].holders.append(code)
                planted[person].holders.append(code)
                if pending[position].holders.count == 2 { idCases += 1 }
                if pending[position].holders.count == copiesWanted {
                    pending.remove(at: position)
                    continue
                }
            case .book(let book) where !placedBook:
                placedBook = true
                subs.append(freshSubHousehold(book: book))
                bookCases += 1
                pending.remove(at: position)
                continue
            default:
                break
            }
            position += 1
        }

        if plantedPersonsStarted < spec.plantedIDs, dossiers % personInterval == 0 {
            plantedPersonsStarted += 1
            let sub = freshSubHousehold(book: nil)
            planted.append(.init(fullName: sub.fullName, idNumber: sub.idNumber, permanentAddress: sub.permanentAddress, holders: [code]))
            subs.append(sub)
            pending.append(CorporationGenerator.PendingPlant(
                kind: .person(planted: planted.count - 1, copiesWanted: rng.chance(0.2) ? 3 : 2),
                originBranch: branch, sameBranch: rng.chance(0.5), holders: [code]))
        }
        if plantedBooksStarted < spec.plantedBooks, dossiers % bookInterval == 0 {
            plantedBooksStarted += 1
            let book = numbers.householdBook(nextBook())
            subs.append(freshSubHousehold(book: book))
            pending.append(CorporationGenerator.PendingPlant(kind: .book(book), originBranch: branch, sameBranch: rng.chance(0.5), holders: [code]))
        }
    }

    /// The planted person again, with a fresh valid confirmation from this landlord's
    /// commune and no household book (so the copy adds no book duplicate).
    private mutating func copy(of person: GeneratedCorporation.PlantedPerson) -> CorporationGenerator.SubHousehold {
        CorporationGenerator.SubHousehold(
            fullName: person.fullName,
            idNumber: person.idNumber,
            householdBook: nil,
            permanentAddress: person.permanentAddress,
            confirmationNumber: "\(Int.random(in: 1...9999, using: &rng))/XN-CA",
            issuer: VietnameseSamples.confirmationIssuer(using: &rng),
            issuedOn: spec.today.adding(days: -Int.random(in: 1...300, using: &rng)),
            validUntil: nil,
            persons: nil)
    }
}
