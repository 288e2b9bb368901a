import Foundation
internal import CLibXML2

/// Element trees on SAX2: the record stream behind ``XMLReader/document(_:displayName:skip:)``.
/// Only the selected records are built, each element once (no reader node, no second parse
/// for positions); text is kept as `xmlTextReader` delivered it before, so trees are the same:
/// a run of character data (text and CDATA) between two tags is one text node, and a node of
/// blanks only is dropped.
extension XMLReader {
    fileprivate struct TreeWalk {
        var depth = -1
        /// Depth of the root of a subtree being skipped, else -1.
        var skipping = -1
        var pathNames: [String] = []
        /// Open elements of the record being built (empty when outside a record).
        var stack: [XMLElement] = []
        /// Character data since the last tag, inside a record.
        var text: [UInt8] = []
        var entityWarned = false
        var positions: SAXPositions
        let names = InternTableBox()
        var thrown: InputError?
        let file: String
        let select: ([String]) -> Selection
        let skipNames: Set<String>
        let handle: (XMLElement) throws(InputError) -> Void
    }

    /// Streams a file, calling `handle` with each element for which `select` answers `.record`.
    /// - Parameters:
    ///   - select: called at each element start with the path of local names from the root
    ///     (the element itself last); not called inside a record.
    ///   - skipNames: element names skipped wherever they appear inside a record.
    public static func stream(
        _ path: String, displayName: String? = nil, select: ([String]) -> Selection, skipNames: Set<String> = [],
        handle: (XMLElement) throws(InputError) -> Void
    ) throws(InputError) {
        let file = displayName ?? path
        let outcome: (InputError?, InputError?, XMLElement?) = withoutActuallyEscaping(handle) { handle in
            withoutActuallyEscaping(select) { select in
                let w = UnsafeMutablePointer<TreeWalk>.allocate(capacity: 1)
                w.initialize(to: TreeWalk(
                    positions: SAXPositions(path: path), file: file, select: select, skipNames: skipNames, handle: handle))
                defer {
                    w.pointee.positions.close()
                    w.deinitialize(count: 1)
                    w.deallocate()
                }
                let failure = parse(path, file: file, walk: UnsafeMutableRawPointer(w), install: installTreeCallbacks) {
                    w.pointee.thrown != nil
                }
                return (w.pointee.thrown, failure, w.pointee.stack.first)
            }
        }
        if let thrown = outcome.0 { throw thrown }
        if let failure = outcome.1 { throw failure }
        if let open = outcome.2 {
            throw InputError(SourceLocation(file: file, line: open.location.line),
                             "unexpected end of file inside <\(open.name)>")
        }
    }

    private static func installTreeCallbacks(_ sax: xmlSAXHandlerPtr) {
        sax.pointee.startElementNs = { ctx, local, _, _, _, _, count, _, attributes in
            guard let ctx, let local else { return }
            let c = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
            XMLReader.treeStart(XMLReader.treeWalk(c), c, local, Int(count), attributes)
        }
        sax.pointee.endElementNs = { ctx, _, _, _ in
            guard let ctx else { return }
            let c = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
            XMLReader.treeEnd(XMLReader.treeWalk(c), c)
        }
        let text: charactersSAXFunc = { ctx, ch, len in
            guard let ctx, let ch else { return }
            let w = XMLReader.treeWalk(ctx.assumingMemoryBound(to: xmlParserCtxt.self))
            if w.pointee.skipping < 0 && !w.pointee.stack.isEmpty {
                w.pointee.text.append(contentsOf: UnsafeBufferPointer(start: ch, count: Int(len)))
            }
        }
        sax.pointee.characters = text
        sax.pointee.cdataBlock = text
        sax.pointee.ignorableWhitespace = text
        sax.pointee.reference = { ctx, _ in
            guard let ctx else { return }
            let c = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
            let w = XMLReader.treeWalk(c)
            XMLReader.flushText(w)
            if !w.pointee.entityWarned {
                w.pointee.entityWarned = true
                c.pointee._private.assumingMemoryBound(to: SAXContext.self).pointee.errors.warnings.append(.warning(
                    SourceLocation(file: w.pointee.file, line: Int(c.pointee.input?.pointee.line ?? 0)),
                    "entity reference left unexpanded (entity expansion is disabled)"))
            }
        }
    }

    @inline(__always)
    fileprivate static func treeWalk(_ c: xmlParserCtxtPtr) -> UnsafeMutablePointer<TreeWalk> {
        c.pointee._private.assumingMemoryBound(to: SAXContext.self).pointee.walk.assumingMemoryBound(to: TreeWalk.self)
    }

    /// Ends the pending text node: appended to the open element unless it is blanks only.
    fileprivate static func flushText(_ w: UnsafeMutablePointer<TreeWalk>) {
        guard !w.pointee.text.isEmpty else { return }
        let blank = w.pointee.text.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        if !blank, let top = w.pointee.stack.last {
            top.rawText += String(decoding: w.pointee.text, as: UTF8.self)
        }
        w.pointee.text.removeAll(keepingCapacity: true)
    }

    fileprivate static func treeStart(
        _ w: UnsafeMutablePointer<TreeWalk>, _ c: xmlParserCtxtPtr, _ local: UnsafePointer<xmlChar>, _ count: Int,
        _ raw: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        flushText(w)
        w.pointee.depth += 1
        let depth = w.pointee.depth
        w.pointee.positions.elementStarted(c, local: local)
        if w.pointee.skipping >= 0 || w.pointee.thrown != nil { return }
        let name = w.pointee.names.string(local)
        if w.pointee.stack.isEmpty {
            while w.pointee.pathNames.count > depth { w.pointee.pathNames.removeLast() }
            w.pointee.pathNames.append(name)
            switch w.pointee.select(w.pointee.pathNames) {
            case .skip:
                w.pointee.pathNames.removeLast()
                w.pointee.skipping = depth
                return
            case .descend:
                return
            case .record:
                break
            }
        } else if w.pointee.skipNames.contains(name) {
            w.pointee.skipping = depth
            return
        }
        var attributes: [(name: String, value: String)] = []
        if let raw, count > 0 {
            attributes.reserveCapacity(count)
            for i in 0..<count {
                guard let v = raw[5 * i + 3], let e = raw[5 * i + 4] else { continue }
                attributes.append((w.pointee.names.string(raw[5 * i]),
                                   String(decoding: UnsafeBufferPointer(start: v, count: e - v), as: UTF8.self)))
            }
        }
        let (line, column) = w.pointee.positions.current(c)
        let el = XMLElement(name: name, attributes: attributes,
                            location: SourceLocation(file: w.pointee.file, line: line, column: column))
        w.pointee.stack.last?.append(el)
        w.pointee.stack.append(el)
    }

    fileprivate static func treeEnd(_ w: UnsafeMutablePointer<TreeWalk>, _ c: xmlParserCtxtPtr) {
        flushText(w)
        let depth = w.pointee.depth
        w.pointee.depth -= 1
        if w.pointee.skipping >= 0 {
            if w.pointee.skipping == depth { w.pointee.skipping = -1 }
            return
        }
        guard !w.pointee.stack.isEmpty else {
            if !w.pointee.pathNames.isEmpty { w.pointee.pathNames.removeLast() }
            return
        }
        let done = w.pointee.stack.removeLast()
        guard w.pointee.stack.isEmpty, w.pointee.thrown == nil else { return }
        w.pointee.pathNames.removeLast()
        do throws(InputError) {
            try w.pointee.handle(done)
        } catch {
            w.pointee.thrown = error
            xmlStopParser(c)
        }
    }
}
