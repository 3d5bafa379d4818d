"""Position-specific job-description texts (岗位说明书) of the demo catalogue, keyed by position code."""
from hrapp.demo.data import JobText
from hrapp.demo.jobs import group, hotel, park, travel

JOB_TEXTS: dict[str, JobText] = group.TEXTS | hotel.TEXTS | travel.TEXTS | park.TEXTS
# Positions that get a superseded v1 (from here) before the version in force (JOB_TEXTS), to show versioning.
FIRST_VERSIONS: dict[str, JobText] = hotel.FIRST_VERSIONS
