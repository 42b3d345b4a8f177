import Outage

/// The `outage` executable: ``OutageCommand``, whose home is the service's library so that the
/// image's one executable (`evn-platform`) runs the very same command line.
@main
enum OutageMain {
    static func main() async {
        await OutageCommand.main()
    }
}
