import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a report to a file atomically, never over one of the inputs and never over anything
/// but a regular file.
package enum OutputFile {
    /// Writes `text` to `path` atomically (a temporary file in the same folder, then a rename), so a
    /// reader never sees half a report and a failed run leaves no file behind.
    /// - Parameter inputs: paths that must not be overwritten (compared after resolving `..`,
    ///   symbolic links and the working directory).
    /// - Throws: ``OutputError`` if `path` is one of `inputs`, exists and is not a regular file, or
    ///   cannot be written; ``OutputClosed`` never (a file has no reader to go away).
    package static func write(_ text: String, to path: String, refusingToOverwrite inputs: [String]) throws {
        let file = try open(path, refusingToOverwrite: inputs)
        do {
            try file.write(text)
            try file.commit()
        } catch {
            file.abandon()
            throw error
        }
    }

    /// Opens `path` for a report written piece by piece: the text goes to a temporary file in the
    /// same folder, renamed over `path` by ``AtomicOutputFile/commit()`` (so a failed run leaves no file).
    /// A replaced file keeps its permissions (and, where the process may set it, its owner).
    /// - Throws: ``OutputError`` if `path` is one of `inputs`, names something other than a regular
    ///   file (a device such as `/dev/null`, a FIFO, a folder), or its folder cannot be written.
    package static func open(_ path: String, refusingToOverwrite inputs: [String]) throws -> AtomicOutputFile {
        let target = resolved(path)
        if let input = inputs.first(where: { resolved($0) == target }) {
            throw OutputError(file: path, message: "refusing to overwrite the input file '\(input)'",
                              hint: "choose a different --output file")
        }
        var existing = stat()
        let exists = lstat(target, &existing) == 0
        if exists && (existing.st_mode & S_IFMT) != S_IFREG {
            throw OutputError(file: path,
                              message: "refusing to replace \(kind(existing.st_mode)) with a report",
                              hint: "--output must name a regular file; leave it out to write to standard output")
        }
        let folder = URL(fileURLWithPath: target).deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(URL(fileURLWithPath: target).lastPathComponent).\(UUID().uuidString).partial").path
        // Registered before the file exists, so an interrupt at any moment leaves nothing behind.
        let slot = InterruptCleanup.register(temporary)
        // A replacement starts owner-only and gets the old file's mode below; a new file gets 0666 & ~umask.
        let descriptor = createFile(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, exists ? 0o600 : 0o666)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            InterruptCleanup.unregister(slot)
            throw OutputError(file: path, message: "cannot write the output file: \(reason)",
                              hint: "check that the folder exists and is writable")
        }
        if exists {
            // The owner first: chown clears set-id bits, which the chmod then restores. Only root may
            // give a file away; otherwise the new file is the writer's, as with any rewrite.
            if existing.st_uid != geteuid() || existing.st_gid != getegid() {
                _ = fchown(descriptor, existing.st_uid, existing.st_gid)
            }
            guard fchmod(descriptor, existing.st_mode & 0o7777) == 0 else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                unlink(temporary)
                InterruptCleanup.unregister(slot)
                throw OutputError(file: path, message: "cannot give the output the replaced file's permissions: \(reason)",
                                  hint: "check the folder's permissions")
            }
        }
        return AtomicOutputFile(path: path, target: target, temporary: temporary, descriptor: descriptor, cleanupSlot: slot)
    }

    /// "a character device", "a FIFO", … for a `st_mode` that is not a regular file.
    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "a folder"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFSOCK: return "a socket"
        case S_IFLNK: return "a dangling symbolic link"
        default: return "something that is not a regular file"
        }
    }

    /// The absolute, symlink-free form of `path` (the folder is resolved even if the file does not exist).
    static func resolved(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let folder = url.deletingLastPathComponent().resolvingSymlinksInPath()
        let file = folder.appendingPathComponent(url.lastPathComponent)
        return file.resolvingSymlinksInPath().path
    }
}

/// `open(2)` with a mode (at file scope, where `open` is the C function, not ``OutputFile/open(_:refusingToOverwrite:)``).
private func createFile(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { open(path, flags, mode) }
