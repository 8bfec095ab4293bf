"""The verify stage: run the characterization tests of a converted project and write
parity per procedure to DIR/verify.json (contract: transform/report/model.py)."""

from .run import VerifyError, verify

__all__ = ["VerifyError", "verify"]
