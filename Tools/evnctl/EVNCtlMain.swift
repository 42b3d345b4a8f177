import OperatorCommands

/// The `evnctl` executable: ``EVNCtl``, whose home is a library so that the image's one
/// executable (`evn-platform`) runs the very same command line.
@main
enum EVNCtlMain {
    static func main() async {
        await EVNCtl.main()
    }
}
