"""Documents as data: loaders, Unicode normalisation, legal-structure parser and the registry."""
