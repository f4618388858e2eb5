"""The graph's namespaces as IRIs (text): the project's own and the vocabularies it uses, and the prefixes an
exported file binds them to. Every module that writes or reads terms as text takes them from here (rdflib's
namespace objects are made from them where a graph is walked in rdflib: ``kg.graph``); it imports nothing."""

ONTOLOGY = "https://w3id.org/dipkg/ontology#"
RESOURCE = "https://w3id.org/dipkg/resource/"
SECTOR = "https://w3id.org/dipkg/sector/"
ROLE = "https://w3id.org/dipkg/role/"
WIKIDATA = "http://www.wikidata.org/entity/"
GEONAMES = "https://sws.geonames.org/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD_STRING = f"{XSD}string"
RDF_LANG_STRING = f"{RDF}langString"
# The prefixes the graph's own terms are written with (Turtle, TriG and JSON-LD exports, rdflib graphs) ...
GRAPH_PREFIXES = {"dip": ONTOLOGY, "res": RESOURCE, "sector": SECTOR, "role": ROLE, "skos": SKOS, "owl": OWL,
                  "wd": WIKIDATA}
# ... and with the vocabularies of RDF's own terms and datatypes.
PREFIXES = {**GRAPH_PREFIXES, "rdf": RDF, "rdfs": RDFS, "xsd": XSD}
