Attribute VB_Name = "modStrings"
'==============================================================================
' Module    : modStrings
' Purpose   : General purpose string helpers shared by the finance workbooks.
' Author    : J. Whitfield (Finance Systems)
' History   : 2007-03-12  JW  Created from the old FINTOOLS.XLA routines
'             2009-11-02  JW  SplitCsvLine handles quoted fields and "" escapes
'             2012-05-18  RK  FillTemplate takes name/value pairs (ParamArray)
'             2014-01-09  RK  SplitFullName / FormatSortName for the mail merge
'==============================================================================
Option Explicit
Option Compare Binary

Private Const MODULE_NAME As String = "modStrings"

Public Enum PadSide
    psLeft = 1
    psRight = 2
    psCentre = 3
End Enum

Public Type NameParts
    FirstName As String
    LastName As String
    Initial As String * 1
    IsValid As Boolean
End Type

'------------------------------------------------------------------------------
' PadText: pads sText to lWidth characters with sFill on the chosen side.
' Text already longer than lWidth is returned unchanged (never truncated).
'------------------------------------------------------------------------------
Public Function PadText(ByVal sText As String, ByVal lWidth As Long, _
                        Optional ByVal eSide As PadSide = psRight, _
                        Optional ByVal sFill As String = " ") As String
    Dim lMissing As Long
    Dim lLeft As Long

    If Len(sFill) = 0 Then sFill = " "
    lMissing = lWidth - Len(sText)
    If lMissing <= 0 Then
        PadText = sText
        Exit Function
    End If

    Select Case eSide
        Case psLeft
            PadText = String$(lMissing, sFill) & sText
        Case psRight
            PadText = sText & String$(lMissing, sFill)
        Case psCentre
            lLeft = lMissing \ 2
            PadText = String$(lLeft, sFill) & sText & String$(lMissing - lLeft, sFill)
        Case Else
            Err.Raise 5, MODULE_NAME & ".PadText", "Unknown pad side " & eSide
    End Select
End Function

'------------------------------------------------------------------------------
' SqueezeSpaces: trims, turns tabs into spaces and collapses runs of spaces.
'------------------------------------------------------------------------------
Public Function SqueezeSpaces(ByVal sText As String) As String
    Dim i As Long
    Dim sCh As String
    Dim sOut As String
    Dim bLastWasSpace As Boolean

    sText = Replace(sText, vbTab, " ")
    For i = 1 To Len(sText)
        sCh = Mid$(sText, i, 1)
        If sCh = " " Then
            If Not bLastWasSpace Then sOut = sOut & sCh
            bLastWasSpace = True
        Else
            sOut = sOut & sCh
            bLastWasSpace = False
        End If
    Next i
    SqueezeSpaces = Trim$(sOut)
End Function

'------------------------------------------------------------------------------
' TitleCase: "the LORD of the rings" -> "The Lord of the Rings".
' Minor words stay lower case except as the first word; hyphenated parts
' are capitalised separately ("mary-kate" -> "Mary-Kate").
'------------------------------------------------------------------------------
Public Function TitleCase(ByVal sText As String) As String
    Dim vWords As Variant
    Dim i As Long
    Dim sWord As String

    sText = SqueezeSpaces(LCase$(sText))
    If Len(sText) = 0 Then Exit Function

    vWords = Split(sText, " ")
    For i = LBound(vWords) To UBound(vWords)
        sWord = vWords(i)
        If i > LBound(vWords) And IsMinorWord(sWord) Then
            ' leave minor words in lower case
        Else
            sWord = CapitaliseParts(sWord)
        End If
        vWords(i) = sWord
    Next i
    TitleCase = Join(vWords, " ")
End Function

Private Function IsMinorWord(ByVal sWord As String) As Boolean
    Select Case sWord
        Case "a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to"
            IsMinorWord = True
        Case Else
            IsMinorWord = False
    End Select
End Function

' Upper-cases the first letter and any letter that follows a hyphen
Private Function CapitaliseParts(ByVal sWord As String) As String
    Dim i As Long
    Dim bCapNext As Boolean
    Dim sCh As String

    bCapNext = True
    For i = 1 To Len(sWord)
        sCh = Mid$(sWord, i, 1)
        If bCapNext Then Mid$(sWord, i, 1) = UCase$(sCh)
        bCapNext = (sCh = "-")
    Next i
    CapitaliseParts = sWord
End Function

'------------------------------------------------------------------------------
' WordCount: number of space separated words (tabs count as spaces).
'------------------------------------------------------------------------------
Public Function WordCount(ByVal sText As String) As Long
    sText = SqueezeSpaces(sText)
    If Len(sText) = 0 Then
        WordCount = 0
    Else
        WordCount = UBound(Split(sText, " ")) + 1
    End If
End Function

'------------------------------------------------------------------------------
' CountOccurrences: non-overlapping occurrences of sFind in sText.
'------------------------------------------------------------------------------
Public Function CountOccurrences(ByVal sText As String, ByVal sFind As String, _
        Optional ByVal eCompare As VbCompareMethod = vbBinaryCompare) As Long
    Dim lPos As Long
    Dim lCount As Long

    If Len(sFind) = 0 Then Exit Function
    lPos = InStr(1, sText, sFind, eCompare)
    Do While lPos > 0
        lCount = lCount + 1
        lPos = InStr(lPos + Len(sFind), sText, sFind, eCompare)
    Loop
    CountOccurrences = lCount
End Function

'------------------------------------------------------------------------------
' SplitCsvLine: splits one CSV line into a 0-based String array.
' Handles "quoted, fields" and doubled quotes inside quoted fields.
' An empty line gives one empty field.
'------------------------------------------------------------------------------
Public Function SplitCsvLine(ByVal sLine As String, _
                             Optional ByVal sDelim As String = ",") As Variant
    Dim aFields() As String
    Dim lCount As Long
    Dim i As Long
    Dim sCh As String
    Dim sField As String
    Dim bInQuotes As Boolean

    ReDim aFields(0 To 0)
    lCount = 0
    i = 1
    Do While i <= Len(sLine)
        sCh = Mid$(sLine, i, 1)
        If bInQuotes Then
            If sCh = """" Then
                If Mid$(sLine, i + 1, 1) = """" Then
                    sField = sField & """"
                    i = i + 1               ' skip the escaped quote
                Else
                    bInQuotes = False
                End If
            Else
                sField = sField & sCh
            End If
        Else
            Select Case sCh
                Case """"
                    bInQuotes = True
                Case sDelim
                    ReDim Preserve aFields(0 To lCount)
                    aFields(lCount) = sField
                    lCount = lCount + 1
                    sField = vbNullString
                Case Else
                    sField = sField & sCh
            End Select
        End If
        i = i + 1
    Loop

    ' the last field is always there, even when empty
    ReDim Preserve aFields(0 To lCount)
    aFields(lCount) = sField
    SplitCsvLine = aFields
End Function

'------------------------------------------------------------------------------
' FillTemplate: replaces {name} placeholders, e.g.
'   FillTemplate("Dear {name}", "name", "Ms Patel") -> "Dear Ms Patel"
' Placeholder names are matched case-insensitively.
'------------------------------------------------------------------------------
Public Function FillTemplate(ByVal sTemplate As String, _
                             ParamArray vPairs() As Variant) As String
    Dim i As Long
    Dim sResult As String

    If (UBound(vPairs) - LBound(vPairs) + 1) Mod 2 <> 0 Then
        Err.Raise vbObjectError + 513, MODULE_NAME & ".FillTemplate", _
                  "FillTemplate expects name/value pairs"
    End If

    sResult = sTemplate
    For i = LBound(vPairs) To UBound(vPairs) Step 2
        sResult = Replace(sResult, "{" & vPairs(i) & "}", CStr(vPairs(i + 1)), _
                          , , vbTextCompare)
    Next i
    FillTemplate = sResult
End Function

'------------------------------------------------------------------------------
' JoinNonEmpty: joins the trimmed parts that are neither Null nor blank.
'------------------------------------------------------------------------------
Public Function JoinNonEmpty(ByVal sSep As String, ParamArray vParts() As Variant) As String
    Dim vPart As Variant
    Dim sOut As String

    For Each vPart In vParts
        If Not IsNull(vPart) Then
            If Len(Trim$(CStr(vPart))) > 0 Then
                If Len(sOut) > 0 Then sOut = sOut & sSep
                sOut = sOut & Trim$(CStr(vPart))
            End If
        End If
    Next vPart
    JoinNonEmpty = sOut
End Function

'------------------------------------------------------------------------------
' SplitFullName: accepts "First Middle Last" or "Last, First Middle".
'------------------------------------------------------------------------------
Public Function SplitFullName(ByVal sFullName As String) As NameParts
    Dim tParts As NameParts
    Dim lComma As Long
    Dim lSpace As Long

    sFullName = SqueezeSpaces(sFullName)
    lComma = InStr(sFullName, ",")
    If lComma > 0 Then
        tParts.LastName = Trim$(Left$(sFullName, lComma - 1))
        tParts.FirstName = Trim$(Mid$(sFullName, lComma + 1))
    Else
        lSpace = InStrRev(sFullName, " ")
        If lSpace > 0 Then
            tParts.FirstName = Left$(sFullName, lSpace - 1)
            tParts.LastName = Mid$(sFullName, lSpace + 1)
        Else
            tParts.LastName = sFullName
        End If
    End If

    ' fixed-length field: keeps only the first character
    tParts.Initial = UCase$(tParts.FirstName)
    tParts.IsValid = (Len(tParts.LastName) > 0)
    SplitFullName = tParts
End Function

Public Function FormatSortName(ByRef tName As NameParts) As String
    If Not tName.IsValid Then
        FormatSortName = "(unknown)"
    ElseIf Trim$(tName.Initial) = "" Then
        FormatSortName = tName.LastName
    Else
        FormatSortName = tName.LastName & ", " & tName.Initial & "."
    End If
End Function

'------------------------------------------------------------------------------
' MakeFixedRecord: 28-character record for the legacy bank upload file:
'   code (6, left aligned) + name (12, truncated) + amount (10, right aligned)
'------------------------------------------------------------------------------
Public Function MakeFixedRecord(ByVal sCode As String, ByVal sName As String, _
                                ByVal cAmount As Currency) As String
    Dim sCodeFld As String * 6
    Dim sNameFld As String * 12
    Dim sAmtFld As String * 10

    LSet sCodeFld = sCode
    sNameFld = sName
    RSet sAmtFld = Format$(cAmount, "0.00")
    MakeFixedRecord = sCodeFld & sNameFld & sAmtFld
End Function

'------------------------------------------------------------------------------
' NextTicketId: "INV-0001", "INV-0002", ... per session (Static counter).
'------------------------------------------------------------------------------
Public Function NextTicketId(ByVal sPrefix As String) As String
    Static lSeq As Long

    lSeq = lSeq + 1
    NextTicketId = UCase$(sPrefix) & "-" & Format$(lSeq, "0000")
End Function

Rem Kept for the old reports that still call it; use PadText in new code.
Public Function LeftPad(ByVal sText As String, ByVal lWidth As Long) As String
    LeftPad = PadText(sText, lWidth, psLeft)
End Function
