Attribute VB_Name = "modSheetUtils"
'==============================================================================
' Module    : modSheetUtils
' Purpose   : Small worksheet helpers used by the report macros.
'==============================================================================
Option Explicit

Public Function SheetExists(ByVal sName As String, Optional ByVal wb As Workbook) As Boolean
    Dim ws As Worksheet

    If wb Is Nothing Then Set wb = ThisWorkbook
    On Error Resume Next
    Set ws = wb.Worksheets(sName)
    On Error GoTo 0
    SheetExists = Not ws Is Nothing
End Function

' Returns the named sheet, adding it after the last sheet when missing
Public Function GetOrCreateSheet(ByVal sName As String) As Worksheet
    Dim ws As Worksheet

    If SheetExists(sName) Then
        Set ws = ThisWorkbook.Worksheets(sName)
    Else
        With ThisWorkbook
            Set ws = .Worksheets.Add(After:=.Worksheets(.Worksheets.Count))
        End With
        ws.Name = sName
    End If
    Set GetOrCreateSheet = ws
End Function

' Last used row in a column (the classic End(xlUp) from the bottom)
Public Function LastRow(ByVal ws As Worksheet, Optional ByVal lCol As Long = 1) As Long
    LastRow = ws.Cells(ws.Rows.Count, lCol).End(xlUp).Row
End Function

Public Function LastCol(ByVal ws As Worksheet, Optional ByVal lRow As Long = 1) As Long
    LastCol = ws.Cells(lRow, ws.Columns.Count).End(xlToLeft).Column
End Function

' Column number -> letters (1 -> "A", 28 -> "AB")
Public Function ColumnLetter(ByVal lCol As Long) As String
    Dim sOut As String
    Dim lRem As Long

    Do While lCol > 0
        lRem = (lCol - 1) Mod 26
        sOut = Chr$(65 + lRem) & sOut
        lCol = (lCol - lRem - 1) \ 26
    Loop
    ColumnLetter = sOut
End Function

' Sorts a 0- or 1-based array of strings in place (small arrays only)
Public Sub SortStrings(ByRef aItems As Variant)
    Dim i As Long
    Dim j As Long
    Dim vTmp As Variant

    For i = LBound(aItems) To UBound(aItems) - 1
        For j = i + 1 To UBound(aItems)
            If StrComp(aItems(j), aItems(i), vbTextCompare) < 0 Then
                vTmp = aItems(i)
                aItems(i) = aItems(j)
                aItems(j) = vTmp
            End If
        Next j
    Next i
End Sub

' Turns everything off that slows a long macro down; pass False to restore
Public Sub SpeedMode(ByVal bOn As Boolean)
    Static lOldCalc As Long

    With Application
        If bOn Then
            lOldCalc = .Calculation
            .ScreenUpdating = False
            .EnableEvents = False
            .Calculation = xlCalculationManual
        Else
            If lOldCalc = 0 Then lOldCalc = xlCalculationAutomatic
            .Calculation = lOldCalc
            .EnableEvents = True
            .ScreenUpdating = True
            .StatusBar = False
        End If
    End With
End Sub
