"""Customs Refund Workbench: IEEPA refunds through CAPE and duty drawback, from ACE exports."""

__version__ = "0.1.0"
