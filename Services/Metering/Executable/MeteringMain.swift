import Metering

/// The `metering` executable: ``MeteringCommand``, whose home is the service's library so that the
/// image's one executable (`evn-platform`) runs the very same command line.
@main
enum MeteringMain {
    static func main() async {
        await MeteringCommand.main()
    }
}
