Attribute VB_Name = "modReport"
'==============================================================================
' Module    : modReport
' Purpose   : Regional sales summary. Reads the "Data" sheet, totals sales by
'             region and month, writes the "Summary" sheet (values, formulas
'             and formats) and exports the same figures as CSV next to the
'             workbook.
' Entry     : BuildReport (button on the Data sheet, or Alt+F8)
' History   : 2011-01-10  LH  Created
'             2011-04-02  LH  CSV export for the regional managers
'             2013-10-15  TG  Orders / Share columns, Dictionary instead of
'                             the old SUMIFS helper columns
'==============================================================================
Option Explicit

Public Const REPORT_TITLE As String = "Regional Sales Report"
Public Const DATA_SHEET As String = "Data"
Public Const SUMMARY_SHEET As String = "Summary"
Public Const CSV_FILE_NAME As String = "sales_summary.csv"

' Data sheet columns
Public Const COL_DATE As Long = 1
Public Const COL_REGION As Long = 2
Public Const COL_REP As Long = 3
Public Const COL_PRODUCT As Long = 4
Public Const COL_UNITS As Long = 5
Public Const COL_PRICE As Long = 6

' Summary sheet layout
Private Const HEADER_ROW As Long = 3
Private Const FIRST_BODY_ROW As Long = HEADER_ROW + 1
Private Const MONEY_FMT As String = "#,##0.00"

Private Const ERR_NO_DATA As Long = vbObjectError + 2001
Private Const ERR_BAD_HEADER As Long = vbObjectError + 2002

'------------------------------------------------------------------------------
' BuildReport: the macro behind the "Build report" button
'------------------------------------------------------------------------------
Public Sub BuildReport()
    Const PROC_NAME As String = "BuildReport"
    Dim wsData As Worksheet
    Dim wsSum As Worksheet
    Dim rngData As Range
    Dim vData As Variant
    Dim dictRegions As Object       ' region -> Dictionary(month key -> Currency)
    Dim dictMonths As Object        ' "2024-01" -> "Jan 2024"
    Dim dictCounts As Object        ' region -> number of orders
    Dim aRegions As Variant
    Dim aMonths As Variant
    Dim lRows As Long
    Dim sPath As String

    On Error GoTo ErrHandler
    SpeedMode True
    Application.StatusBar = "Building " & REPORT_TITLE & "..."

    Set wsData = ThisWorkbook.Worksheets(DATA_SHEET)
    Set rngData = wsData.Range("A1").CurrentRegion
    lRows = rngData.Rows.Count - 1
    If lRows < 1 Then
        Err.Raise ERR_NO_DATA, PROC_NAME, "No data rows on the " & DATA_SHEET & " sheet"
    End If
    CheckHeader rngData.Rows(1)
    If LastRow(wsData, COL_DATE) <> rngData.Row + lRows Then
        Debug.Print "Warning: blank rows inside the data; only the first block is used"
    End If

    ' skip the header row and pull the block into memory in one go
    vData = rngData.Offset(1, 0).Resize(lRows, rngData.Columns.Count).Value
    Debug.Print "BuildReport: " & lRows & " data rows"

    Aggregate vData, dictRegions, dictMonths, dictCounts
    aRegions = dictRegions.Keys
    SortStrings aRegions
    aMonths = dictMonths.Keys
    SortStrings aMonths
    Debug.Print "Regions: " & Join(aRegions, ", ")
    Debug.Print "Months: " & Join(aMonths, ", ")

    Set wsSum = GetOrCreateSheet(SUMMARY_SHEET)
    WriteSummary wsSum, dictRegions, dictMonths, aRegions, aMonths, lRows
    PrintChecks wsData, wsSum, dictCounts, aRegions, aMonths

    sPath = ExportCsv(dictRegions, aRegions, aMonths)
    Debug.Print "CSV written: " & Mid$(sPath, InStrRev(sPath, Application.PathSeparator) + 1)

    ThisWorkbook.ReportStale = False

Cleanup:
    SpeedMode False
    Exit Sub

ErrHandler:
    Debug.Print PROC_NAME & " failed: " & Err.Number & " " & Err.Description
    MsgBox "The report could not be built:" & vbCrLf & Err.Description, _
           vbCritical, REPORT_TITLE
    Resume Cleanup
End Sub

'------------------------------------------------------------------------------
' CheckHeader: the Data sheet must start OrderDate, Region, SalesRep, ...
'------------------------------------------------------------------------------
Private Sub CheckHeader(ByVal rngHeader As Range)
    Dim vExpected As Variant
    Dim i As Long

    vExpected = Array("OrderDate", "Region", "SalesRep", "Product", "Units", "UnitPrice")
    For i = 0 To UBound(vExpected)
        If StrComp(Trim$(rngHeader.Cells(1, i + 1).Value), vExpected(i), vbTextCompare) <> 0 Then
            Err.Raise ERR_BAD_HEADER, "CheckHeader", _
                      "Column " & (i + 1) & " should be '" & vExpected(i) & "' but is '" & _
                      rngHeader.Cells(1, i + 1).Value & "'"
        End If
    Next i
End Sub

'------------------------------------------------------------------------------
' Aggregate: one pass over the data array (1-based, rows x columns)
'------------------------------------------------------------------------------
Private Sub Aggregate(ByRef vData As Variant, ByRef dictRegions As Object, _
                      ByRef dictMonths As Object, ByRef dictCounts As Object)
    Dim r As Long
    Dim sRegion As String
    Dim sMonth As String
    Dim dtOrder As Date
    Dim cAmount As Currency
    Dim dictM As Object

    Set dictRegions = CreateObject("Scripting.Dictionary")
    Set dictMonths = CreateObject("Scripting.Dictionary")
    Set dictCounts = CreateObject("Scripting.Dictionary")

    For r = LBound(vData, 1) To UBound(vData, 1)
        sRegion = Trim$(CStr(vData(r, COL_REGION)))
        dtOrder = CDate(vData(r, COL_DATE))
        sMonth = Format$(dtOrder, "yyyy-mm")
        cAmount = CCur(vData(r, COL_UNITS)) * CCur(vData(r, COL_PRICE))

        If Not dictRegions.Exists(sRegion) Then
            dictRegions.Add sRegion, CreateObject("Scripting.Dictionary")
        End If
        Set dictM = dictRegions(sRegion)
        ' reading a missing key adds it as Empty, and Empty + x = x
        dictM(sMonth) = dictM(sMonth) + cAmount
        dictCounts(sRegion) = dictCounts(sRegion) + 1

        If Not dictMonths.Exists(sMonth) Then
            dictMonths.Add sMonth, Format$(DateSerial(Year(dtOrder), Month(dtOrder), 1), "mmm yyyy")
        End If
    Next r
End Sub

'------------------------------------------------------------------------------
' WriteSummary: title, header, one row per region, totals row, formats.
'   A: region | B..: one column per month | Total | Orders | Share
'------------------------------------------------------------------------------
Private Sub WriteSummary(ByVal ws As Worksheet, ByVal dictRegions As Object, _
                         ByVal dictMonths As Object, ByVal aRegions As Variant, _
                         ByVal aMonths As Variant, ByVal lDataRows As Long)
    Dim r As Long
    Dim c As Long
    Dim i As Long
    Dim j As Long
    Dim lLastBody As Long
    Dim lTotalRow As Long
    Dim lTotalCol As Long
    Dim sTotalCol As String
    Dim dictM As Object

    ws.Cells.Clear
    With ws.Range("A1")
        .Value = REPORT_TITLE
        .Font.Bold = True
        .Font.Size = 14
    End With
    ws.Range("A2").Value = "Source: " & DATA_SHEET & " sheet, " & lDataRows & " rows"

    lTotalCol = 2 + UBound(aMonths) + 1
    sTotalCol = ColumnLetter(lTotalCol)

    ' header (text format first, or Excel turns "Jan 2024" into a date)
    ws.Rows(HEADER_ROW).NumberFormat = "@"
    ws.Cells(HEADER_ROW, 1).Value = "Region"
    For j = 0 To UBound(aMonths)
        ws.Cells(HEADER_ROW, 2 + j).Value = dictMonths(aMonths(j))
    Next j
    ws.Cells(HEADER_ROW, lTotalCol).Value = "Total"
    ws.Cells(HEADER_ROW, lTotalCol + 1).Value = "Orders"
    ws.Cells(HEADER_ROW, lTotalCol + 2).Value = "Share"

    ' body
    For i = 0 To UBound(aRegions)
        r = FIRST_BODY_ROW + i
        Set dictM = dictRegions(aRegions(i))
        ws.Cells(r, 1).Value = aRegions(i)
        For j = 0 To UBound(aMonths)
            If dictM.Exists(aMonths(j)) Then
                ws.Cells(r, 2 + j).Value = dictM(aMonths(j))
            Else
                ws.Cells(r, 2 + j).Value = 0
            End If
        Next j
        ws.Cells(r, lTotalCol).Formula = "=SUM(B" & r & ":" & ColumnLetter(lTotalCol - 1) & r & ")"
        ws.Cells(r, lTotalCol + 1).Formula = "=COUNTIF(" & DATA_SHEET & "!$B:$B,$A" & r & ")"
    Next i
    lLastBody = FIRST_BODY_ROW + UBound(aRegions)
    lTotalRow = lLastBody + 1

    ' totals row
    ws.Cells(lTotalRow, 1).Value = "Total"
    For c = 2 To lTotalCol + 1
        ws.Cells(lTotalRow, c).Formula = "=SUM(" & ColumnLetter(c) & FIRST_BODY_ROW & ":" & _
                                         ColumnLetter(c) & lLastBody & ")"
    Next c
    For r = FIRST_BODY_ROW To lTotalRow
        ws.Cells(r, lTotalCol + 2).Formula = "=" & sTotalCol & r & "/$" & sTotalCol & "$" & lTotalRow
    Next r

    ' formats
    With ws.Range(ws.Cells(HEADER_ROW, 1), ws.Cells(HEADER_ROW, lTotalCol + 2))
        .Font.Bold = True
        .Interior.Color = RGB(221, 235, 247)
        .HorizontalAlignment = xlCenter
    End With
    ws.Range(ws.Cells(FIRST_BODY_ROW, 2), ws.Cells(lTotalRow, lTotalCol)).NumberFormat = MONEY_FMT
    ws.Range(ws.Cells(FIRST_BODY_ROW, lTotalCol + 2), _
             ws.Cells(lTotalRow, lTotalCol + 2)).NumberFormat = "0.0%"
    ws.Rows(lTotalRow).Font.Bold = True
    ws.Range("A" & HEADER_ROW & ":" & ColumnLetter(lTotalCol + 2) & lTotalRow).Borders.LineStyle = xlContinuous
    ws.Columns("A:" & ColumnLetter(lTotalCol + 2)).AutoFit
End Sub

'------------------------------------------------------------------------------
' PrintChecks: cross-checks with worksheet functions, written to the
' Immediate window for whoever runs the macro.
'------------------------------------------------------------------------------
Private Sub PrintChecks(ByVal wsData As Worksheet, ByVal wsSum As Worksheet, _
                        ByVal dictCounts As Object, ByVal aRegions As Variant, _
                        ByVal aMonths As Variant)
    Dim wf As WorksheetFunction
    Dim lMonths As Long
    Dim lRegions As Long
    Dim i As Long
    Dim r As Long
    Dim cRegion As Currency
    Dim cBest As Currency
    Dim sBest As String
    Dim lCol As Long
    Dim vPos As Variant
    Dim rngTable As Range

    Set wf = Application.WorksheetFunction
    lMonths = UBound(aMonths) + 1
    lRegions = UBound(aRegions) + 1

    For i = 1 To lRegions
        r = FIRST_BODY_ROW + i - 1
        cRegion = wf.Sum(wsSum.Cells(r, 2).Resize(1, lMonths))
        Debug.Print wsSum.Cells(r, 1).Value & ": " & Format$(cRegion, MONEY_FMT) & _
                    " (" & dictCounts(wsSum.Cells(r, 1).Value) & " orders)"
        If cRegion > cBest Then
            cBest = cRegion
            sBest = wsSum.Cells(r, 1).Value
        End If
    Next i

    Debug.Print "Grand total: " & _
                Format$(wf.Sum(wsSum.Cells(FIRST_BODY_ROW, 2).Resize(lRegions, lMonths)), MONEY_FMT)
    Debug.Print "Best region: " & sBest

    ' which column holds February, then look West up in it
    Set rngTable = wsSum.Cells(FIRST_BODY_ROW, 1).Resize(lRegions, lMonths + 1)
    lCol = wf.Match("Feb 2024", wsSum.Rows(HEADER_ROW), 0)
    Debug.Print "Feb 2024 is column"; lCol; "- West:"; _
                wf.VLookup("West", rngTable, lCol, False)

    Debug.Print "West orders on Data:"; wf.CountIf(wsData.Columns(COL_REGION), "West")
    Debug.Print "Orders of 20+ units:"; wf.CountIf(wsData.Columns(COL_UNITS), ">=20")

    ' Application.Match returns an error value instead of raising
    vPos = Application.Match("May 2024", wsSum.Rows(HEADER_ROW), 0)
    If IsError(vPos) Then
        Debug.Print "May 2024 not in the report"
    Else
        Debug.Print "May 2024 in column"; vPos
    End If
End Sub

'------------------------------------------------------------------------------
' ExportCsv: Region,<month keys...>,Total ; one line per region ; Total line
'------------------------------------------------------------------------------
Private Function ExportCsv(ByVal dictRegions As Object, ByVal aRegions As Variant, _
                           ByVal aMonths As Variant) As String
    Dim iFile As Integer
    Dim sPath As String
    Dim sLine As String
    Dim i As Long
    Dim j As Long
    Dim cAmount As Currency
    Dim cRowTotal As Currency
    Dim aColTotals() As Currency
    Dim dictM As Object

    On Error GoTo ErrHandler
    ReDim aColTotals(0 To UBound(aMonths))

    sPath = ThisWorkbook.Path & Application.PathSeparator & CSV_FILE_NAME
    iFile = FreeFile
    Open sPath For Output As #iFile

    sLine = "Region"
    For j = 0 To UBound(aMonths)
        sLine = sLine & "," & aMonths(j)
    Next j
    Print #iFile, sLine & ",Total"

    For i = 0 To UBound(aRegions)
        Set dictM = dictRegions(aRegions(i))
        sLine = aRegions(i)
        cRowTotal = 0
        For j = 0 To UBound(aMonths)
            cAmount = 0
            If dictM.Exists(aMonths(j)) Then cAmount = dictM(aMonths(j))
            sLine = sLine & "," & Format$(cAmount, "0.00")
            cRowTotal = cRowTotal + cAmount
            aColTotals(j) = aColTotals(j) + cAmount
        Next j
        Print #iFile, sLine & "," & Format$(cRowTotal, "0.00")
    Next i

    sLine = "Total"
    cRowTotal = 0
    For j = 0 To UBound(aMonths)
        sLine = sLine & "," & Format$(aColTotals(j), "0.00")
        cRowTotal = cRowTotal + aColTotals(j)
    Next j
    Print #iFile, sLine & "," & Format$(cRowTotal, "0.00")

    Close #iFile
    ExportCsv = sPath
    Exit Function

ErrHandler:
    If iFile <> 0 Then Close #iFile
    Err.Raise Err.Number, "ExportCsv", "Could not write " & sPath & ": " & Err.Description
End Function
