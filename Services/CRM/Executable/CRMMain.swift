import CRM

/// The `crm` executable: ``CRMCommand``, whose home is the service's library so that the
/// image's one executable (`evn-platform`) runs the very same command line.
@main
enum CRMMain {
    static func main() async {
        await CRMCommand.main()
    }
}
