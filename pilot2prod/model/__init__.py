"""The ground floor: errors, the strict parser, content records, checklists, links and reading
YAML and the shipped bundle. It imports nothing above it; the Dataset (`pilot2prod.dataset`)
puts its parts together with the domain's."""
