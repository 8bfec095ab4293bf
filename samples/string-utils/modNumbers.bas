Attribute VB_Name = "modNumbers"
'==============================================================================
' Module    : modNumbers
' Purpose   : Number helpers: check digits, Roman numerals, cheque wording,
'             money formatting with the ledger's rounding rules.
' History   : 2008-06-30  JW  Created
'             2011-02-14  PD  ChequeWords for the payments run
'             2013-09-03  PD  FormatMoney: round half to even like the ledger
'==============================================================================
Option Explicit

Private Const MODULE_NAME As String = "modNumbers"
Private Const MAX_ROMAN As Long = 3999

'------------------------------------------------------------------------------
' IsValidLuhn: mod-10 check used by card numbers and our account numbers.
' Spaces and dashes are ignored; anything else that is not a digit fails.
'------------------------------------------------------------------------------
Public Function IsValidLuhn(ByVal sNumber As String) As Boolean
    Dim sDigits As String
    Dim i As Long
    Dim iDigit As Integer
    Dim lSum As Long
    Dim bDouble As Boolean

    sDigits = Replace(Replace(sNumber, " ", ""), "-", "")
    If Len(sDigits) < 2 Then Exit Function
    If Not sDigits Like String$(Len(sDigits), "#") Then Exit Function

    For i = Len(sDigits) To 1 Step -1
        iDigit = CInt(Mid$(sDigits, i, 1))
        If bDouble Then
            iDigit = iDigit * 2
            If iDigit > 9 Then iDigit = iDigit - 9
        End If
        lSum = lSum + iDigit
        bDouble = Not bDouble
    Next i

    IsValidLuhn = (lSum Mod 10 = 0)
End Function

' Returns the digit that makes sPartial & digit pass the Luhn check (-1 if none)
Public Function LuhnCheckDigit(ByVal sPartial As String) As Integer
    Dim d As Integer

    For d = 0 To 9
        If IsValidLuhn(sPartial & CStr(d)) Then
            LuhnCheckDigit = d
            Exit Function
        End If
    Next d
    LuhnCheckDigit = -1
End Function

'------------------------------------------------------------------------------
' ToRoman / FromRoman
'------------------------------------------------------------------------------
Public Function ToRoman(ByVal lValue As Long) As String
    Static vValues As Variant
    Static vSymbols As Variant
    Dim i As Integer
    Dim sOut As String

    If IsEmpty(vValues) Then
        vValues = Array(1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1)
        vSymbols = Array("M", "CM", "D", "CD", "C", "XC", "L", "XL", _
                         "X", "IX", "V", "IV", "I")
    End If

    If lValue < 1 Or lValue > MAX_ROMAN Then
        Err.Raise 5, MODULE_NAME & ".ToRoman", _
                  "Value out of range (1-" & MAX_ROMAN & "): " & lValue
    End If

    For i = LBound(vValues) To UBound(vValues)
        Do While lValue >= vValues(i)
            sOut = sOut & vSymbols(i)
            lValue = lValue - vValues(i)
        Loop
    Next i
    ToRoman = sOut
End Function

Public Function FromRoman(ByVal sRoman As String) As Long
    Dim i As Long
    Dim lThis As Long
    Dim lNext As Long
    Dim lTotal As Long

    sRoman = UCase$(Trim$(sRoman))
    If Len(sRoman) = 0 Then GoTo BadNumeral

    For i = 1 To Len(sRoman)
        lThis = RomanDigitValue(Mid$(sRoman, i, 1))
        If lThis = 0 Then GoTo BadNumeral
        If i < Len(sRoman) Then
            lNext = RomanDigitValue(Mid$(sRoman, i + 1, 1))
        Else
            lNext = 0
        End If
        If lThis < lNext Then
            lTotal = lTotal - lThis     ' subtractive pair, e.g. the C of CM
        Else
            lTotal = lTotal + lThis
        End If
    Next i
    FromRoman = lTotal
    Exit Function

BadNumeral:
    Err.Raise 5, MODULE_NAME & ".FromRoman", "Not a Roman numeral: '" & sRoman & "'"
End Function

Private Function RomanDigitValue(ByVal sCh As String) As Long
    Select Case sCh
        Case "I": RomanDigitValue = 1
        Case "V": RomanDigitValue = 5
        Case "X": RomanDigitValue = 10
        Case "L": RomanDigitValue = 50
        Case "C": RomanDigitValue = 100
        Case "D": RomanDigitValue = 500
        Case "M": RomanDigitValue = 1000
        Case Else: RomanDigitValue = 0
    End Select
End Function

'------------------------------------------------------------------------------
' NumberToWords: 1234 -> "one thousand two hundred thirty-four"
'------------------------------------------------------------------------------
Public Function NumberToWords(ByVal lNumber As Long) As String
    Dim sOut As String
    Dim lChunk As Long
    Dim iGroup As Integer
    Dim vScale As Variant

    If lNumber = 0 Then
        NumberToWords = "zero"
        Exit Function
    ElseIf lNumber < 0 Then
        NumberToWords = "minus " & NumberToWords(-lNumber)
        Exit Function
    End If

    vScale = Array("", " thousand", " million", " billion")
    iGroup = 0
    Do While lNumber > 0
        lChunk = lNumber Mod 1000
        If lChunk > 0 Then
            sOut = Trim$(HundredsToWords(lChunk) & vScale(iGroup) & " " & sOut)
        End If
        lNumber = lNumber \ 1000
        iGroup = iGroup + 1
    Loop
    NumberToWords = sOut
End Function

' 1..999 in words
Private Function HundredsToWords(ByVal iValue As Integer) As String
    Static vUnits As Variant
    Static vTens As Variant
    Static bLoaded As Boolean
    Dim sOut As String

    If Not bLoaded Then
        vUnits = Split("zero one two three four five six seven eight nine ten eleven " & _
                       "twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen")
        vTens = Split(" ten twenty thirty forty fifty sixty seventy eighty ninety", " ")
        bLoaded = True
    End If

    If iValue >= 100 Then
        sOut = vUnits(iValue \ 100) & " hundred"
        iValue = iValue Mod 100
        If iValue > 0 Then sOut = sOut & " "
    End If

    If iValue >= 20 Then
        sOut = sOut & vTens(iValue \ 10)
        If iValue Mod 10 > 0 Then sOut = sOut & "-" & vUnits(iValue Mod 10)
    ElseIf iValue > 0 Then
        sOut = sOut & vUnits(iValue)
    End If

    HundredsToWords = sOut
End Function

'------------------------------------------------------------------------------
' ChequeWords: 1234.56 -> "One thousand two hundred thirty-four and 56/100"
'------------------------------------------------------------------------------
Public Function ChequeWords(ByVal cAmount As Currency) As String
    Dim lDollars As Long
    Dim iCents As Integer
    Dim sWords As String

    If cAmount < 0 Then
        Err.Raise 5, MODULE_NAME & ".ChequeWords", "Cheques cannot be negative"
    End If

    cAmount = Round(cAmount, 2)
    lDollars = Fix(cAmount)
    iCents = CInt((cAmount - lDollars) * 100)
    sWords = NumberToWords(lDollars)
    ChequeWords = UCase$(Left$(sWords, 1)) & Mid$(sWords, 2) & _
                  " and " & Format$(iCents, "00") & "/100"
End Function

'------------------------------------------------------------------------------
' FormatMoney: "$1,234.50", "-EUR 2.62"
' Round() rounds half to even (banker's rounding), which is what the ledger
' does; Format$ alone would round half away from zero and disagree by a cent.
'------------------------------------------------------------------------------
Public Function FormatMoney(ByVal cAmount As Currency, _
                            Optional ByVal sSymbol As String = "$") As String
    Dim sSign As String

    If cAmount < 0 Then
        sSign = "-"
        cAmount = -cAmount
    End If
    cAmount = Round(cAmount, 2)
    FormatMoney = sSign & sSymbol & Format$(cAmount, "#,##0.00")
End Function

'------------------------------------------------------------------------------
' CheckedProduct: multiplies two Integers; reports overflow instead of failing.
' Kept for the stock-count screens, which still use Integer quantities.
'------------------------------------------------------------------------------
Public Function CheckedProduct(ByVal iA As Integer, ByVal iB As Integer) As String
    Dim iResult As Integer

    On Error GoTo ErrHandler
    iResult = iA * iB
    CheckedProduct = CStr(iResult)
    Exit Function

ErrHandler:
    CheckedProduct = "#ERR " & Err.Number & ": " & Err.Description
End Function

'------------------------------------------------------------------------------
' PercentChange: change from dOld to dNew as a fraction; Null when dOld is 0.
'------------------------------------------------------------------------------
Public Function PercentChange(ByVal dOld As Double, ByVal dNew As Double) As Variant
    If dOld = 0 Then
        PercentChange = Null
    Else
        PercentChange = (dNew - dOld) / dOld
    End If
End Function

Public Function Clamp(ByVal vValue As Variant, ByVal vMin As Variant, ByVal vMax As Variant) As Variant
    If vValue < vMin Then
        Clamp = vMin
    ElseIf vValue > vMax Then
        Clamp = vMax
    Else
        Clamp = vValue
    End If
End Function
