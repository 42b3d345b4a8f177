// The clock lives in Messaging, whose outbox, relay and inbox stamp their rows with it; every
// service and library that builds on the service kit reads it under the same name.
@_exported import struct Messaging.WallClock
