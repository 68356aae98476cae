package org.civicspace.ingest.domain.feed;

import java.io.IOException;
import java.io.StringReader;

import javax.xml.XMLConstants;

import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.xml.sax.SAXException;

/**
 * Text to a JDOM document with a SAX parser that reads nothing but the text it is given: no
 * DOCTYPE, no external entities or DTDs, no entity expansion. {@link XmlRepair} already refused
 * any DOCTYPE; this is the second line, should a DOCTYPE ever get past it.
 */
final class SafeXml {

    private SafeXml() {
    }

    static Document parse(String xml) throws FeedRefused {
        try {
            return builder().build(new StringReader(xml));
        } catch (JDOMParseException malformed) {
            if (String.valueOf(malformed.getMessage()).contains("DOCTYPE")) {
                throw new FeedRefused(XmlRepair.DOCTYPE_REFUSED, malformed);
            }
            throw new FeedRefused("the feed is not well-formed XML, even after repair (line " + malformed.getLineNumber()
                    + ", column " + malformed.getColumnNumber() + ")", malformed);
        } catch (JDOMException | IOException e) {
            throw new FeedRefused("the feed could not be read as XML", e);
        }
    }

    private static SAXBuilder builder() {
        SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
        // Each setting fails the parse if the parser does not know it: better no feed than an unsafe parser.
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
        builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        builder.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        builder.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        builder.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        builder.setExpandEntities(false);
        builder.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("refused to resolve the external entity " + systemId);
        });
        return builder;
    }
}
