Attribute VB_Name = "modMain"
'==============================================================================
' modMain - start-up code and file routines for Stock Keeper 1.2
'
' Files (all next to the EXE):
'   stock.txt   comma separated, written with Write #, read with Input #
'   stock.dat   fixed-length records (StockRec) for the old DOS reports
'   notes.txt   free text, Print # / Line Input #
'
' Run "StockKeeper.exe /selftest" for the file round-trip check.
'==============================================================================
Option Explicit
DefInt A-Z

Public Type StockRec
    Code As String * 8
    Desc As String * 24
    Qty As Integer
    Price As Currency
End Type

Public Const APP_TITLE As String = "Stock Keeper"
Public Const TEXT_FILE As String = "stock.txt"
Public Const DATA_FILE As String = "stock.dat"
Public Const NOTES_FILE As String = "notes.txt"

Public gItems As Collection

Sub Main()
    If InStr(1, Command$, "/selftest", vbTextCompare) > 0 Then
        SelfTest
        Exit Sub
    End If

    On Error Resume Next
    Set gItems = LoadItemsText(DataPath(TEXT_FILE))
    If gItems Is Nothing Then Set gItems = New Collection
    On Error GoTo 0

    frmMain.Show
End Sub

Public Function DataPath(ByVal sFile As String) As String
    Dim sDir As String

    sDir = App.Path
    If Right$(sDir, 1) <> "\" Then sDir = sDir & "\"
    DataPath = sDir & sFile
End Function

Public Function NewItem(ByVal sCode As String, ByVal sDesc As String, _
                        ByVal iQty As Integer, ByVal cPrice As Currency) As CStockItem
    Dim oItem As CStockItem

    Set oItem = New CStockItem
    oItem.Init sCode, sDesc, iQty, cPrice
    Set NewItem = oItem
End Function

'------------------------------------------------------------------------------
' Text file: one header line, then "CODE","Description",qty,price
'------------------------------------------------------------------------------
Public Sub SaveItemsText(ByVal sPath As String, ByVal colItems As Collection)
    Dim f
    Dim oItem As CStockItem

    f = FreeFile
    Open sPath For Output As #f
    Write #f, "CODE", "DESCRIPTION", "QTY", "PRICE"
    For Each oItem In colItems
        Write #f, oItem.Code, oItem.Description, oItem.Qty, oItem.Price
    Next
    Close #f
End Sub

Public Function LoadItemsText(ByVal sPath As String) As Collection
    Dim f
    Dim sCode As String, sDesc As String, sQty As String, sPrice As String
    Dim iQty As Integer
    Dim cPrice As Currency
    Dim colItems As Collection

    Set colItems = New Collection
    f = FreeFile
    Open sPath For Input As #f
    Input #f, sCode, sDesc, sQty, sPrice        ' header line
    Do While Not EOF(f)
        Input #f, sCode, sDesc, iQty, cPrice
        colItems.Add NewItem(sCode, sDesc, iQty, cPrice), sCode
    Loop
    Close #f
    Set LoadItemsText = colItems
End Function

'------------------------------------------------------------------------------
' Random access file of StockRec records; returns the number of records
'------------------------------------------------------------------------------
Public Function SaveItemsRandom(ByVal sPath As String, ByVal colItems As Collection) As Long
    Dim f, i
    Dim rec As StockRec
    Dim oItem As CStockItem

    ' old file may be longer than the new one: remove it first
    On Error Resume Next
    Kill sPath
    On Error GoTo 0

    f = FreeFile
    Open sPath For Random Access Read Write As #f Len = Len(rec)
    For Each oItem In colItems
        i = i + 1
        rec.Code = oItem.Code
        rec.Desc = oItem.Description
        rec.Qty = oItem.Qty
        rec.Price = oItem.Price
        Put #f, i, rec
    Next
    SaveItemsRandom = LOF(f) \ Len(rec)
    Close #f
End Function

Public Function ReadRecord(ByVal sPath As String, ByVal lRecNo As Long) As StockRec
    Dim f
    Dim rec As StockRec

    f = FreeFile
    Open sPath For Random Access Read As #f Len = Len(rec)
    Get #f, lRecNo, rec
    Close #f
    ReadRecord = rec
End Function

'------------------------------------------------------------------------------
' Fixed-width report text, one line per item. The cell padding is a GoSub
' so the widths live in one place (this predates our string library).
'------------------------------------------------------------------------------
Public Function FormatReport(ByVal colItems As Collection) As String
    Dim oItem As CStockItem
    Dim sOut As String
    Dim sCell As String
    Dim iWidth

    For Each oItem In colItems
        sCell = oItem.Code: iWidth = 9: GoSub AddCell
        sCell = oItem.Description: iWidth = 16: GoSub AddCell
        sCell = CStr(oItem.Qty): iWidth = -5: GoSub AddCell
        sOut = sOut & vbCrLf
    Next
    FormatReport = sOut
    Exit Function

AddCell:
    ' negative width = right aligned
    If iWidth < 0 Then
        sOut = sOut & Right$(Space$(-iWidth) & sCell, -iWidth)
    Else
        sOut = sOut & Left$(sCell & Space$(iWidth), iWidth)
    End If
    Return
End Function

' Number of items below iLimit (untyped under DefInt A-Z: Integer)
Public Function CountLow(ByVal colItems As Collection, Optional iLimit = 10)
    Dim oItem As CStockItem

    For Each oItem In colItems
        If oItem.Qty < iLimit Then CountLow = CountLow + 1
    Next
End Function

' Unit cost as text; old numbered code, Erl tells which line failed
Public Function SafeUnitCost(ByVal cValue As Currency, ByVal iQty As Integer) As String
    Dim cUnit As Currency

10      On Error GoTo Failed
20      cUnit = cValue / iQty
30      SafeUnitCost = Format$(cUnit, "0.00")
40      Exit Function

Failed:
50      SafeUnitCost = "error " & Err.Number & " at line " & Erl
End Function

'------------------------------------------------------------------------------
' SelfTest: writes and re-reads every file format; output in EXPECTED.md
'------------------------------------------------------------------------------
Public Sub SelfTest()
    Dim colItems As Collection
    Dim colBack As Collection
    Dim oItem As CStockItem
    Dim rec As StockRec
    Dim f, n
    Dim cTotal As Currency
    Dim sLine As String

    Debug.Print APP_TITLE & " self test"

    Set colItems = New Collection
    colItems.Add NewItem("WID-001", "Widget", 120, 2.5), "WID-001"
    colItems.Add NewItem("GAD-002", "Gadget, large", 15, 12), "GAD-002"
    colItems.Add NewItem("giz-003", "Gizmo Pro", 0, 7.25), "GIZ-003"
    colItems.Add NewItem("DOO-004", "Doohickey", 40, 19.99), "DOO-004"

    ' 1. text file round trip
    SaveItemsText DataPath(TEXT_FILE), colItems
    Set colBack = LoadItemsText(DataPath(TEXT_FILE))
    Debug.Print "Read back"; colBack.Count; "items"
    For Each oItem In colBack
        cTotal = cTotal + oItem.Value
    Next
    Debug.Print "Stock value: " & Format$(cTotal, "0.00")
    Debug.Print FormatReport(colBack);

    ' 2. random access records
    n = SaveItemsRandom(DataPath(DATA_FILE), colItems)
    rec = ReadRecord(DataPath(DATA_FILE), 3)
    Debug.Print "Records:"; n; "- #3 is "; Trim$(rec.Code); " "; Trim$(rec.Desc)

    ' 3. notes: Print # then Line Input #
    f = FreeFile
    Open DataPath(NOTES_FILE) For Output As #f
    Print #f, "Counted by", "J. Smith"
    Print #f, "Items:"; colItems.Count
    Close #f
    f = FreeFile
    Open DataPath(NOTES_FILE) For Append As #f
    Print #f, "Checked"
    Close #f

    n = 0
    f = FreeFile
    Open DataPath(NOTES_FILE) For Input As #f
    Do Until EOF(f)
        Line Input #f, sLine
        n = n + 1
        Debug.Print n; "|" & sLine & "|"
    Loop
    Close #f

    ' 4. business rules and error handling
    On Error Resume Next
    colItems("WID-001").Adjust -200
    If Err.Number <> 0 Then Debug.Print "Adjust refused: " & Err.Description
    Err.Clear

    n = 300
    n = n * 200             ' n is an Integer here (DefInt A-Z)
    Debug.Print "Overflow check:"; Err.Number; n
    Err.Clear
    On Error GoTo 0

    Debug.Print "Low stock:"; CountLow(colItems, 20)
    Debug.Print "Unit cost: " & SafeUnitCost(300, 120) & " / " & SafeUnitCost(100, 0)
    Debug.Print "Self test done"
End Sub
