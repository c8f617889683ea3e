"""Writes of the membership app: members and memberships, eligible population, Excel imports."""
