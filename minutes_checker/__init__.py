"""minutes-checker: does a Danish council's referat show a lawful treatment of danmarkskortet?"""

__version__ = "0.1.0"
