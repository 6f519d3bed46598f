"""The site build after the generator: the steps that make a generated folder the published site.

MkDocs (with the macros in `macros/`) writes the pages; these steps then add the Python
runtime (Pyodide, the wheel, the site's compiled library), the pages' rules from Python, the
model-price table, the joined stylesheet, redirect pages that keep a link's #fragment, valid
markup, the hosts' `_headers` and compressed copies, and check that every published address
still resolves. Each step is a function of a `Build` (`sitebuild.steps`), runnable by itself
over a built folder:

    python -m sitebuild site/                 # every step, settings from ./mkdocs.yml
    python -m sitebuild site/ --step headers  # one step

Nothing here imports MkDocs: `macros/` calls these steps from its hooks, and another
generator's output can go through them as well. The package `pilot2prod` never imports this.
"""
