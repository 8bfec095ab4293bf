Attribute VB_Name = "modMain"
'==============================================================================
' Module    : modMain
' Purpose   : Demo / smoke test for the utility modules. Run Main from the
'             Immediate window and compare with EXPECTED.md.
'==============================================================================
Option Explicit

#If VBA7 Then
    Private Declare PtrSafe Function GetTickCount Lib "kernel32" () As Long
#Else
    Private Declare Function GetTickCount Lib "kernel32" () As Long
#End If

Private Const DEMO_CSV As String = "1001,""Smith, John"",""He said """"hi"""""",,42"

Public Sub Main()
    Dim vFields As Variant
    Dim i As Long
    Dim tName As NameParts

    On Error GoTo ErrHandler

    Debug.Print "=== modStrings ==="
    Debug.Print "[" & PadText("42", 6, psLeft, "0") & "]"
    Debug.Print "[" & PadText("Total", 9, psCentre, "*") & "]"
    Debug.Print "[" & PadText("Qty", 6) & "]"
    Debug.Print "[" & SqueezeSpaces("  too    many" & vbTab & " spaces  ") & "]"
    Debug.Print TitleCase("the LORD of the rings")
    Debug.Print TitleCase("  mary-kate   and ashley ")
    Debug.Print "Words:"; WordCount("  The quick  brown fox ")
    Debug.Print "Count 'an':"; CountOccurrences("Banana bandana", "an")

    vFields = SplitCsvLine(DEMO_CSV)
    Debug.Print "Fields:"; UBound(vFields) - LBound(vFields) + 1
    For i = LBound(vFields) To UBound(vFields)
        Debug.Print i; "=<" & vFields(i) & ">"
    Next i

    Debug.Print FillTemplate("Dear {Name}, your balance is {AMOUNT}.", _
                             "name", "Ms Patel", _
                             "amount", FormatMoney(1234.5))
    Debug.Print JoinNonEmpty(", ", "12 High St", "", Null, "Leeds ", "LS1 4AB")

    tName = SplitFullName("Hopper,   Grace  Brewster")
    Debug.Print FormatSortName(tName)
    tName = SplitFullName("Ada Lovelace")
    Debug.Print FormatSortName(tName)
    Debug.Print "[" & MakeFixedRecord("AB12", "Widget, large blue", 12.5) & "]"
    Debug.Print NextTicketId("inv"), NextTicketId("inv")

    Debug.Print "=== modNumbers ==="
    Debug.Print "Luhn 79927398713: " & IsValidLuhn("79927398713")
    Debug.Print "Luhn 79927398710: " & IsValidLuhn("79927398710")
    Debug.Print "Luhn test Visa: " & IsValidLuhn("4111 1111 1111 1111")
    Debug.Print "Check digit:"; LuhnCheckDigit("7992739871")
    Debug.Print ToRoman(1994), ToRoman(2024)
    Debug.Print FromRoman("mcmxciv"); FromRoman("XLII")
    Debug.Print NumberToWords(1234)
    Debug.Print NumberToWords(1000001)
    Debug.Print NumberToWords(-45)
    Debug.Print ChequeWords(1234.56)
    Debug.Print FormatMoney(1234567.125); " "; FormatMoney(0.375); " "; _
                FormatMoney(-2.625, "EUR ")
    Debug.Print CheckedProduct(100, 300); " | "; CheckedProduct(200, 200)

    Debug.Print "=== modDates ==="
    Debug.Print Format$(LastDayOfMonth(#2/10/2024#), DATE_FMT_ISO)
    Debug.Print Format$(LastDayOfMonth(#2/10/2023#), DATE_FMT_ISO)
    Debug.Print "Business days Mar-2024:"; BusinessDaysBetween(#3/1/2024#, #3/31/2024#)
    Debug.Print "Less Easter:"; BusinessDaysBetween(#3/1/2024#, #3/31/2024#, _
                                    Array(#3/29/2024#, #4/1/2024#))
    Debug.Print "ISO weeks:"; IsoWeekNumber(#1/1/2021#); IsoWeekNumber(#3/15/2024#); _
                IsoWeekNumber(#12/30/2024#)
    Debug.Print Format$(AddBusinessDays(#3/28/2024#, 3), DATE_FMT_ISO)
    Debug.Print "Age:"; AgeInYears(#7/20/1969#, #7/19/2024#)
    Debug.Print QuarterLabel(#8/15/2023#)

    Debug.Print "=== modValidate ==="
    Debug.Print "zip:" & YN(IsValidFormat("90210", vkZipCode)) _
                       & YN(IsValidFormat("90210-1234", vkZipCode)) _
                       & YN(IsValidFormat("9021O", vkZipCode))
    Debug.Print "phone:" & YN(IsValidFormat("(555) 123-4567", vkPhoneUS)) _
                         & YN(IsValidFormat("555-123-4567", vkPhoneUS))
    Debug.Print "sku:" & YN(IsValidFormat("ABC-1234", vkSku)) _
                       & YN(IsValidFormat("abc-1234", vkSku)) _
                       & YN(IsValidFormat("AB-12345", vkSku))
    Debug.Print "email:" & YN(IsValidFormat("j.smith@example.com", vkEmail)) _
                         & YN(IsValidFormat("j smith@example.com", vkEmail)) _
                         & YN(IsValidFormat("a@b@c.com", vkEmail)) _
                         & YN(IsValidFormat("@example.com", vkEmail))
    Debug.Print "hex:" & YN(IsValidFormat("#1A2b3C", vkHexColour)) _
                       & YN(IsValidFormat("#1A2B3G", vkHexColour)) _
                       & YN(IsValidFormat("1A2B3C", vkHexColour))
    Debug.Print DescribeScore(95); " "; DescribeScore(75); " "; _
                DescribeScore(-1); " "; DescribeScore(10)
    Debug.Print "[" & CheckAccountCode("gb-1234-k") & "]"
    Debug.Print "[" & CheckAccountCode("GB-1234-A") & "]"

    Debug.Print "Done."
    Exit Sub

ErrHandler:
    Debug.Print "Main failed: " & Err.Number & " " & Err.Description
End Sub

'------------------------------------------------------------------------------
' BenchmarkTitleCase: rough timing, not part of the demo (depends on the clock)
'------------------------------------------------------------------------------
Public Sub BenchmarkTitleCase(Optional ByVal lIterations As Long = 10000)
    Dim lStart As Long
    Dim i As Long
    Dim sDummy As String

    lStart = GetTickCount()
    For i = 1 To lIterations
        sDummy = TitleCase("a tale of two cities")
    Next i
    Debug.Print lIterations & " calls took " & (GetTickCount() - lStart) & " ms"
End Sub
