"""Scan over samples/ (our own realistic projects): facts checked by reading their code."""

from __future__ import annotations

from pathlib import Path

import pytest

from transform.index import ScanResult, scan

from .helpers import edges, edges_from, unresolved

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="module")
def samples() -> ScanResult:
    return scan([SAMPLES])


def test_every_sample_module_is_indexed(samples: ScanResult) -> None:
    totals = samples.inventory.totals
    assert totals["parse_errors"] == 0
    assert totals["indexed"] == totals["files"] == 26
    # VB6 (Inventory.vbp) and each .vbs are projects of their own; the VBA folders share
    # the scan root, Excel because of ThisWorkbook/Sheet1
    hosts = {Path(p.name).name: p.hosts for p in samples.index.projects}
    assert hosts["samples"] == ["Excel"]
    assert hosts["vb6-inventory"] == []
    assert hosts["IniReader.vbs"] == ["WSH"]
    # the second modMain (VB6) gets a project-qualified id
    ids = {m.id for m in samples.index.modules}
    assert "modMain" in ids and any(i.startswith("modMain@") for i in ids)


def test_order_model_events_interfaces_and_default_member(samples: ScanResult) -> None:
    # OrderAuditor.cls: Private WithEvents mOrder As Order; mOrder_LineAdded(...)
    assert ("OrderAuditor.mOrder_LineAdded", "Order.LineAdded") in edges(samples, "handles_event")
    assert ("OrderAuditor.mInventory_LowStock", "Inventory.LowStock") in edges(
        samples, "handles_event"
    )
    # Order.AddLine: RaiseEvent LineAdded(oLine)
    assert "Order.LineAdded" in edges_from(samples, "raises", "Order.AddLine")
    # VolumeDiscountRule.cls: Implements IPricingRule
    assert ("VolumeDiscountRule", "IPricingRule") in edges(samples, "implements")
    assert (
        "VolumeDiscountRule.IPricingRule_CalculateDiscount",
        "IPricingRule.CalculateDiscount",
    ) in edges(samples, "implements")
    # OrderService.RemoveItem: lQty = oOrder(sSku).Quantity  (Item is the default member)
    calls = edges_from(samples, "calls", "OrderService.RemoveItem")
    assert {"Order.Item[get]", "OrderLine.Quantity[get]", "Order.RemoveLine"} <= calls
    # OrderService.NewOrder: Set oOrder = New Order ... New VolumeDiscountRule
    assert edges_from(samples, "instantiates", "OrderService.NewOrder") == {
        "Order",
        "VolumeDiscountRule",
        "LoyaltyDiscountRule",
    }
    # Inventory.Class_Initialize: Set mProducts = CreateObject("Scripting.Dictionary")
    assert edges_from(samples, "late_binds", "Inventory.Class_Initialize") == {
        "progid:Scripting.Dictionary"
    }


def test_order_model_form(samples: ScanResult) -> None:
    entries = {e.id: e.reason for e in samples.analyses.entry_points}
    assert entries["OrderService.Main"] == "Sub Main"
    assert entries["frmOrderEntry.cmdAdd_Click"] == "form control handler (cmdAdd.Click)"
    assert entries["frmOrderEntry.UserForm_Initialize"] == "event handler (UserForm.Initialize)"
    # controls live in the .frx: known from handler names, others are listed, not guessed
    controls = {c.name: c.source for c in samples.index.controls if c.module == "frmOrderEntry"}
    assert controls["cmdAdd"] == "handler"
    assert ("frmOrderEntry.lblPrice", "member", "frmOrderEntry.cboProduct_Change") in unresolved(
        samples
    )


def test_excel_report(samples: ScanResult) -> None:
    entries = {e.id: e.reason for e in samples.analyses.entry_points}
    assert entries["ThisWorkbook.Workbook_Open"] == "opens with the document (Workbook.Open)"
    assert entries["modReport.BuildReport"] == "public parameterless Sub (macro)"
    # modReport.BuildReport: sPath = ExportCsv(...), a private function writing the file
    assert "modReport.ExportCsv" in edges_from(samples, "calls", "modReport.BuildReport")
    effects = {e.id: e for e in samples.analyses.effects}
    assert "file_io" in effects["modReport.ExportCsv"].direct
    assert "file_io" not in effects["modReport.BuildReport"].direct
    assert {"Open", "Print #", "Close"} <= set(
        effects["modReport.BuildReport"].transitive["file_io"]
    )
    # Workbook_BeforeClose calls BuildReport, so it inherits the file I/O
    assert "file_io" in effects["ThisWorkbook.Workbook_BeforeClose"].transitive
    # CheckHeader(ByVal rngHeader As Range): an Excel type
    assert edges_from(samples, "uses_type", "modReport.CheckHeader") == {"host:Excel.Range"}


def test_string_utils(samples: ScanResult) -> None:
    # NumberToWords calls itself for negative numbers
    assert ["modNumbers.NumberToWords"] in samples.analyses.recursion
    # BenchmarkTitleCase: lStart = GetTickCount()  (Declare ... Lib "kernel32")
    assert "modMain.GetTickCount" in edges_from(samples, "calls", "modMain.BenchmarkTitleCase")
    effects = {e.id: e for e in samples.analyses.effects}
    assert effects["modMain.BenchmarkTitleCase"].direct == ["dll"]
    # Main calls NumberToWords in modNumbers
    assert "modNumbers.NumberToWords" in edges_from(samples, "calls", "modMain.Main")


def test_vb6_inventory(samples: ScanResult) -> None:
    vb6 = next(m.id for m in samples.index.modules if m.id.startswith("modMain@"))
    entries = {e.id: e.reason for e in samples.analyses.entry_points}
    assert entries[f"{vb6}.Main"] == "Sub Main"
    assert entries["frmMain.cmdSave_Click"] == "form control handler (cmdSave.Click)"
    # frmMain: Begin Inventory.ctlQtySpinner ctlQty; ctlQtySpinner declares Event Change
    assert edges_from(samples, "handles_event", "frmMain.ctlQty_Change") == {
        "frmMain.ctlQty",
        "ctlQtySpinner.Change",
    }
    controls = {c.name: c.source for c in samples.index.controls if c.module == "frmMain"}
    assert controls["cmdSave"] == "designer"
    # Main reads Command$ (the command line): an environment effect
    effects = {e.id: e for e in samples.analyses.effects}
    assert "environment" in effects[f"{vb6}.Main"].direct


def test_vbscript_tools(samples: ScanResult) -> None:
    entries = {e.id: e.reason for e in samples.analyses.entry_points}
    assert entries["IniReader.(main)"] == "script top-level code"
    assert "IniReader.IniFile" in edges_from(samples, "instantiates", "IniReader.(main)")
    assert "progid:Scripting.FileSystemObject" in edges_from(
        samples, "late_binds", "IniReader.(main)"
    )
