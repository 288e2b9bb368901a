import Foundation
internal import CLibXML2

/// The document element of an XML file, as read without parsing the rest of the file.
public struct XMLRootElement: Sendable {
    public var name: String
    public var attributes: [String: String]
    public var location: SourceLocation
}

extension XMLReader {
    /// Reads only up to the first element start, so format detection costs the same for a
    /// 2 GB flow log as for a 2 KB rules file. Same safe options as the full reader.
    /// - Returns: nil when the file is not XML (no element before the first parse error or EOF).
    /// - Throws: ``InputError`` when the file cannot be read.
    public static func rootElement(_ path: String, displayName: String? = nil) throws(InputError) -> XMLRootElement? {
        let file = displayName ?? path
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw InputError(SourceLocation(file: file, line: 0), "cannot read file")
        }
        guard let reader = xmlReaderForFile(path, nil, options) else {
            throw InputError(SourceLocation(file: file, line: 0), "cannot open file as XML")
        }
        defer { xmlFreeTextReader(reader) }
        // Keep libxml2's errors instead of its stderr printing: a CSV sniffed here is not an
        // error, but an XML file that breaks before its root element is one, at its place.
        let errors = ErrorBox(file: file)
        xmlTextReaderSetStructuredErrorHandler(reader, { context, error in
            guard let context, let error else { return }
            Unmanaged<ErrorBox>.fromOpaque(context).takeUnretainedValue().record(error.pointee)
        }, Unmanaged.passUnretained(errors).toOpaque())
        defer { withExtendedLifetime(errors) {} }
        while xmlTextReaderRead(reader) == 1 {
            guard xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_ELEMENT.rawValue) else { continue }
            let name = xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
            var location = SourceLocation(file: file, line: Int(xmlTextReaderGetParserLineNumber(reader)),
                                          column: Int(xmlTextReaderGetParserColumnNumber(reader)))
            if var locator = XMLTagLocator(path: path) {
                if let tag = locator.nextStartTag(), tag.name == name || tag.name.hasSuffix(":" + name) {
                    location = SourceLocation(file: file, line: tag.line, column: tag.column)
                }
                locator.close()
            }
            var attributes: [String: String] = [:]
            while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
                let n = xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
                attributes[n] = xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
            }
            return XMLRootElement(name: name, attributes: attributes, location: location)
        }
        // An encoding or syntax error before the document element of a file that starts like
        // XML: report it where it is (an invalid byte on line 5), not as "not XML" on line 1.
        if let fatal = errors.fatal, startsLikeXML(path) { throw InputError([fatal]) }
        return nil
    }

    /// Whether the first byte after a UTF-8 BOM and white space is `<`.
    static func startsLikeXML(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        var bytes = [UInt8]((try? handle.read(upToCount: 256)) ?? Data())
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } == UInt8(ascii: "<")
    }
}
