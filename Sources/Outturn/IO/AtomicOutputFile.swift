import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A report file being written: a temporary file beside the target, renamed over it on
/// ``commit()`` or removed by ``abandon()`` (see ``OutputFile/open(_:refusingToOverwrite:)``).
///
/// The temporary file is created readable by its owner only and given the replaced file's mode
/// and owner (or the usual `0666 & ~umask` for a new file) before it is renamed into place, so
/// a confidential 0600 report stays 0600. It is removed if the process is interrupted
/// (SIGINT, SIGTERM, SIGHUP; see ``InterruptCleanup``).
package final class AtomicOutputFile: ReportSink {
    private let path: String
    private let target: String
    private let temporary: String
    private let descriptor: Int32
    private let cleanupSlot: Int?
    private let sink: FileHandleSink
    private var done = false

    init(path: String, target: String, temporary: String, descriptor: Int32, cleanupSlot: Int?) {
        self.path = path
        self.target = target
        self.temporary = temporary
        self.descriptor = descriptor
        self.cleanupSlot = cleanupSlot
        self.sink = FileHandleSink(descriptor: descriptor, name: path)
    }

    deinit { if !done { abandon() } }

    package func write(_ text: String) throws { try sink.write(text) }

    package func write(bytes: Data) throws { try sink.write(bytes: bytes) }

    /// Finishes the file and puts it in place.
    /// - Throws: ``OutputError`` naming the output if it cannot be written, synced or renamed
    ///   (the temporary file is removed and the target left as it was).
    package func commit() throws {
        guard !done else { return }
        do {
            try sink.flush()
            guard fsync(descriptor) == 0 || errno == EINVAL else { throw CheckedWrite.failure(errno, name: path) }
            guard close(descriptor) == 0 else {
                let code = errno
                done = true
                unlink(temporary)
                InterruptCleanup.unregister(cleanupSlot)
                throw CheckedWrite.failure(code, name: path)
            }
            // rename(2) replaces the target in one step: readers see the old file or the whole new one.
            guard rename(temporary, target) == 0 else {
                let reason = String(cString: strerror(errno))
                done = true
                unlink(temporary)
                InterruptCleanup.unregister(cleanupSlot)
                throw OutputError(file: path, message: "cannot put the output file in place: \(reason)",
                                  hint: "check that the folder is writable")
            }
            done = true
            InterruptCleanup.unregister(cleanupSlot)
        } catch {
            abandon()
            throw error
        }
    }

    /// Removes the temporary file; the target is left as it was.
    package func abandon() {
        guard !done else { return }
        done = true
        close(descriptor)
        unlink(temporary)
        InterruptCleanup.unregister(cleanupSlot)
    }
}
