"""Security of the whole installation (issue #12): response headers per area, staff
sessions (idle and absolute timeout) and the second factor for staff.

The policies themselves are settings (``SECURE_CSP``, ``SECURE_CSP_ADMIN``,
``PERMISSIONS_POLICY``, ``STAFF_SESSION_*``, ``STAFF_TWO_FACTOR``); this package applies
them.
"""
