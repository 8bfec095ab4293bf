Attribute VB_Name = "modValidate"
'==============================================================================
' Module    : modValidate
' Purpose   : Input format checks for the import sheets, built on Like.
'             Option Compare Binary: patterns are case-sensitive.
'==============================================================================
Option Explicit
Option Compare Binary

Public Enum ValidationKind
    vkZipCode = 0
    vkPhoneUS
    vkSku
    vkEmail
    vkHexColour
End Enum

Public Function IsValidFormat(ByVal sValue As String, ByVal eKind As ValidationKind) As Boolean
    Select Case eKind
        Case vkZipCode
            IsValidFormat = (sValue Like "#####") Or (sValue Like "#####-####")
        Case vkPhoneUS
            IsValidFormat = sValue Like "(###) ###-####"
        Case vkSku
            IsValidFormat = sValue Like "[A-Z][A-Z][A-Z]-####"
        Case vkEmail
            ' deliberately loose: something@something.something, one @, no spaces
            IsValidFormat = (sValue Like "?*@?*.?*") _
                            And Not (sValue Like "* *") _
                            And Not (sValue Like "*@*@*")
        Case vkHexColour
            ' [#] is a literal hash; a bare # would mean "any digit"
            IsValidFormat = sValue Like "[#][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f]"
        Case Else
            IsValidFormat = False
    End Select
End Function

'------------------------------------------------------------------------------
' DescribeScore: survey score band
'------------------------------------------------------------------------------
Public Function DescribeScore(ByVal iScore As Integer) As String
    Select Case iScore
        Case Is < 0, Is > 100
            DescribeScore = "invalid"
        Case 90 To 100
            DescribeScore = "excellent"
        Case 75 To 89
            DescribeScore = "good"
        Case 50 To 74
            DescribeScore = "fair"
        Case Else
            DescribeScore = "poor"
    End Select
End Function

'------------------------------------------------------------------------------
' CheckAccountCode: "" when the code is fine, otherwise the reason.
' Codes look like "GB-1234-X": two letters, dash, four digits, dash, one
' check letter, where the check letter is "A" + (digit sum Mod 26).
'------------------------------------------------------------------------------
Public Function CheckAccountCode(ByVal sCode As String) As String
    Dim i As Integer
    Dim iSum As Integer
    Dim sExpected As String

    sCode = UCase$(Trim$(sCode))
    If Len(sCode) <> 9 Then GoTo BadLength
    If Not sCode Like "[A-Z][A-Z]-####-[A-Z]" Then GoTo BadShape

    For i = 4 To 7
        iSum = iSum + Val(Mid$(sCode, i, 1))
    Next i
    sExpected = Chr$(Asc("A") + (iSum Mod 26))
    If Right$(sCode, 1) <> sExpected Then GoTo BadCheck

    CheckAccountCode = ""
    Exit Function

BadLength:
    CheckAccountCode = "length must be 9, got " & Len(sCode)
    Exit Function
BadShape:
    CheckAccountCode = "expected AA-9999-A"
    Exit Function
BadCheck:
    CheckAccountCode = "check letter should be " & sExpected
End Function

Public Function YN(ByVal bFlag As Boolean) As String
    YN = IIf(bFlag, "Y", "N")
End Function
