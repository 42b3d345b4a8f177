import Foundation
import NIOCore

/// A block of IP addresses written in CIDR notation (`10.0.0.0/8`, `fd00::/8`), or one address.
///
/// IPv4 addresses seen inside IPv6 (`::ffff:10.1.2.3`, as a dual-stack socket reports them)
/// are compared as IPv4, so a proxy is trusted whichever way its connection arrives.
public struct IPAddressBlock: Sendable, Hashable, CustomStringConvertible {
    /// The network's bytes: 4 for IPv4, 16 for IPv6.
    let network: [UInt8]
    /// How many leading bits an address must share with ``network``.
    let prefixLength: Int

    /// Parses `address/prefix`, or a lone address (a block of one).
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let bytes = Self.bytes(of: String(parts[0])) else { return nil }
        let length: Int
        if parts.count == 2 {
            guard let given = Int(parts[1]), (0...bytes.count * 8).contains(given), parts[1].allSatisfy(\.isASCII)
            else { return nil }
            length = given
        } else {
            length = bytes.count * 8
        }
        network = bytes
        prefixLength = length
    }

    /// Whether `address` (textual IPv4 or IPv6) lies in the block.
    public func contains(_ address: String) -> Bool {
        guard let bytes = Self.bytes(of: address), bytes.count == network.count else { return false }
        var remaining = prefixLength
        for (mine, theirs) in zip(network, bytes) where remaining > 0 {
            let bits = min(8, remaining)
            let mask = UInt8(truncatingIfNeeded: 0xff << (8 - bits))
            guard mine & mask == theirs & mask else { return false }
            remaining -= bits
        }
        return true
    }

    public var description: String {
        (Self.text(of: network) ?? "?") + "/\(prefixLength)"
    }

    /// The address's bytes, IPv4-mapped IPv6 folded to IPv4; nil for anything that is not an IP address.
    static func bytes(of address: String) -> [UInt8]? {
        guard !address.isEmpty, let socket = try? SocketAddress(ipAddress: address, port: 0) else { return nil }
        switch socket {
        case .v4(let v4):
            return withUnsafeBytes(of: v4.address.sin_addr) { Array($0) }
        case .v6(let v6):
            let bytes = withUnsafeBytes(of: v6.address.sin6_addr) { Array($0) }
            let mappedPrefix: [UInt8] = Array(repeating: 0, count: 10) + [0xff, 0xff]
            return Array(bytes.prefix(12)) == mappedPrefix ? Array(bytes.suffix(4)) : bytes
        case .unixDomainSocket:
            return nil
        }
    }

    /// The canonical text of an address's bytes (`10.1.2.3`, `2001:db8::1`).
    static func text(of bytes: [UInt8]) -> String? {
        switch bytes.count {
        case 4:
            return bytes.map(String.init).joined(separator: ".")
        case 16:
            return try? SocketAddress(packedIPAddress: ByteBuffer(bytes: bytes), port: 0).ipAddress
        default:
            return nil
        }
    }
}
