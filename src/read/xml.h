// XML with pugixml: RSS 2.0 and Atom feeds become one document per item, any other XML one
// document of its text (all of it in document order, or what --xpath selects). DTDs are
// never read, so entities are never expanded and nothing is fetched.
#ifndef SOSU_SRC_READ_XML_H_
#define SOSU_SRC_READ_XML_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sosu/document.h"

namespace sosu::internal {

// The encoding an XML declaration names (<?xml version="1.0" encoding="EUC-KR"?>).
std::optional<std::string> xml_declared_encoding(std::string_view head);

// Reads UTF-8 XML named `name`. A document that is not well-formed is an error with its byte
// offset and line; a feed cut off mid-way still yields the items before the fault.
std::vector<Error> xml_documents(std::string_view xml, const std::string& name, const DocumentOptions& options,
                                 const std::function<bool(const Document&)>& on_document);

}  // namespace sosu::internal

#endif  // SOSU_SRC_READ_XML_H_
