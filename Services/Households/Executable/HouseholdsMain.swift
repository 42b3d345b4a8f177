import Households

/// The `households` executable: ``HouseholdsCommand``, whose home is the service's library so that the
/// image's one executable (`evn-platform`) runs the very same command line.
@main
enum HouseholdsMain {
    static func main() async {
        await HouseholdsCommand.main()
    }
}
