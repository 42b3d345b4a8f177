import Notification

/// The `notification` executable: ``NotificationCommand``, whose home is the service's library so that the
/// image's one executable (`evn-platform`) runs the very same command line.
@main
enum NotificationMain {
    static func main() async {
        await NotificationCommand.main()
    }
}
