import CYaml

/// A first pass over a scenario's YAML events, before Yams builds the node tree, that rejects what a
/// hand-written budget file never needs and what would make building the tree explode:
/// - anchors and aliases (`&a`, `*a`): an alias bomb of a few hundred bytes expands to billions of
///   nodes, and Yams' duplicate-key check expands it even as a mapping key;
/// - a key that is not plain text (a list or a set of entries as a key);
/// - a key given twice in one mapping, reported at its second appearance, from the parser's own
///   position (not by searching the text);
/// - nesting deeper than ``maximumDepth``.
///
/// Linear in the size of the text. YAML syntax errors are left to Yams, whose messages the
/// scenario reader already turns into `FILE:LINE:` errors.
enum YAMLPreflight {
    /// Deepest nesting of lists and mappings accepted (a scenario uses 3).
    static let maximumDepth = 32

    private struct Frame {
        let isMapping: Bool
        var expectingKey = true
        var keys: [String: Int] = [:]
    }

    /// - Throws: ``InputError`` naming `fileName` and the one-based line of the offending node.
    static func check(_ text: String, fileName: String) throws {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        var bytes = Array(text.utf8)
        try bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var stack: [Frame] = []
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return }
                defer { yaml_event_delete(&event) }
                let line = Int(event.start_mark.line) + 1
                func error(_ message: String, hint: String?) -> InputError {
                    InputError(file: fileName, line: line, message: message, hint: hint)
                }
                let anchorHint = "hand-written budget files do not need them: write each value out in full"
                /// Notes a node starting in the innermost mapping: a key (checked) or a value.
                func node(scalar: String?) throws {
                    guard !stack.isEmpty, stack[stack.count - 1].isMapping else { return }
                    if stack[stack.count - 1].expectingKey {
                        guard let key = scalar else {
                            throw error("a key is not plain text", hint: "write keys as plain names, e.g. Airwave:")
                        }
                        if let first = stack[stack.count - 1].keys[key] {
                            throw error("a key appears twice: \(key)", hint: "keep one of them (the first is on line \(first))")
                        }
                        stack[stack.count - 1].keys[key] = line
                        stack[stack.count - 1].expectingKey = false
                    } else if scalar != nil {
                        stack[stack.count - 1].expectingKey = true
                    }
                }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return
                case YAML_ALIAS_EVENT:
                    throw error("YAML aliases (*name) are not allowed in a scenario", hint: anchorHint)
                case YAML_SCALAR_EVENT:
                    guard event.data.scalar.anchor == nil else {
                        throw error("YAML anchors (&name) are not allowed in a scenario", hint: anchorHint)
                    }
                    let scalar = event.data.scalar
                    let value = scalar.value.map {
                        String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self)
                    } ?? ""
                    try node(scalar: value)
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    let isMapping = event.type == YAML_MAPPING_START_EVENT
                    let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
                    guard anchor == nil else {
                        throw error("YAML anchors (&name) are not allowed in a scenario", hint: anchorHint)
                    }
                    try node(scalar: nil)
                    guard stack.count < maximumDepth else {
                        throw error("the scenario is nested more than \(maximumDepth) levels deep",
                                    hint: "a scenario needs three levels: e.g. lines, a line, its budget")
                    }
                    stack.append(Frame(isMapping: isMapping))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    stack.removeLast()
                    // The finished list or mapping was a value of the enclosing mapping.
                    if !stack.isEmpty, stack[stack.count - 1].isMapping { stack[stack.count - 1].expectingKey = true }
                case YAML_DOCUMENT_END_EVENT:
                    stack.removeAll()
                default:
                    break
                }
            }
        }
    }
}
