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
        // Silence libxml2's default stderr printing: a CSV sniffed here is not an error.
        xmlTextReaderSetStructuredErrorHandler(reader, { _, _ in }, nil)
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
        return nil
    }
}
