import Intake

/// The `intake` executable: ``IntakeCommand``, whose home is the service's library so that the
/// image's one executable (`evn-platform`) runs the very same command line.
@main
enum IntakeMain {
    static func main() async {
        await IntakeCommand.main()
    }
}
