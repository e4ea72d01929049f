import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The whole content of an input file as bytes: memory-mapped when the file is a regular file
/// that can be mapped, otherwise read into memory once; or a copy of text held in memory.
///
/// Opening refuses, before reading a byte, anything that is not a regular file: a directory, a
/// FIFO (which would block with no writer), a socket or a device such as `/dev/zero` (which never
/// ends). The bytes are read-only and shared by the threads that parse them.
///
/// A mapped file that another program truncates while it is read can still end the process
/// (SIGBUS), as with any memory-mapped reader; files are read, never written, here.
package final class InputBytes: @unchecked Sendable {
    /// The first byte (nil when the file is empty).
    package let base: UnsafePointer<UInt8>?
    /// Number of bytes.
    package let count: Int
    private let mappedLength: Int
    private let owned: UnsafeMutablePointer<UInt8>?

    /// The bytes as a buffer.
    package var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// A copy of `bytes`.
    package init(copying bytes: some Collection<UInt8>) {
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, bytes.count))
        _ = UnsafeMutableBufferPointer(start: storage, count: bytes.count).initialize(from: bytes)
        owned = storage
        base = UnsafePointer(storage)
        count = bytes.count
        mappedLength = 0
    }

    /// Opens the regular file at `path` (named as given in errors) and maps or reads it.
    /// - Throws: ``InputError`` naming `path` when it does not exist or cannot be read, or is a
    ///   directory, FIFO, socket or device.
    package init(contentsOf path: String) throws {
        // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting forever.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw InputError(file: path, line: nil, message: "cannot read the file", hint: "check the path")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw InputError(file: path, line: nil, message: "cannot read the file", hint: "check the path")
        }
        try InputBytes.requireRegularFile(mode: status.st_mode, path: path)
        let size = Int(status.st_size)
        guard size > 0 else {
            base = nil; count = 0; mappedLength = 0; owned = nil
            return
        }
        #if os(Linux)
        let flags = MAP_PRIVATE | MAP_POPULATE
        #else
        let flags = MAP_PRIVATE
        #endif
        if let mapped = mmap(nil, size, PROT_READ, flags, descriptor, 0), mapped != MAP_FAILED {
            base = UnsafePointer(mapped.assumingMemoryBound(to: UInt8.self))
            count = size
            mappedLength = size
            owned = nil
            return
        }
        // Not mappable (some network or special file systems): read it whole.
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        var filled = 0
        while filled < size {
            let got = read(descriptor, storage + filled, size - filled)
            if got < 0 && errno == EINTR { continue }
            if got <= 0 { break }
            filled += got
        }
        owned = storage
        base = UnsafePointer(storage)
        count = filled
        mappedLength = 0
    }

    deinit {
        if mappedLength > 0, let base { munmap(UnsafeMutableRawPointer(mutating: base), mappedLength) }
        owned?.deallocate()
    }

    /// Throws when `path` exists but is not a regular file (a directory, FIFO, socket or device),
    /// without opening it; a missing path is left to the caller's own message.
    package static func refuseSpecialFile(_ path: String) throws {
        var status = stat()
        guard stat(path, &status) == 0 else { return }
        try requireRegularFile(mode: status.st_mode, path: path)
    }

    /// Throws unless `mode` (from `stat`) is a regular file's.
    static func requireRegularFile(mode: mode_t, path: String) throws {
        switch mode & S_IFMT {
        case S_IFREG:
            return
        case S_IFDIR:
            throw InputError(file: path, line: nil, message: "is a directory, not a CSV file", hint: "give the path of a CSV file")
        default:
            throw InputError(file: path, line: nil,
                             message: "is not a regular file (a FIFO, socket or device); CSV is read from regular files only",
                             hint: "save the data to a file and give its path")
        }
    }
}
