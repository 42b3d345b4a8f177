import SignIn

/// The `signin` executable: ``SignInCommand``, whose home is the service's library so that the
/// image's one executable (`evn-platform`) runs the very same command line.
@main
enum SignInMain {
    static func main() async {
        await SignInCommand.main()
    }
}
