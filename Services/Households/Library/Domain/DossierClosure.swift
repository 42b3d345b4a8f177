/// How closing a dossier ended.
enum DossierClosure: Sendable {
    case closed(DossierView)
    case alreadyClosed
    case notFound
}
