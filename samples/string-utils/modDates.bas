Attribute VB_Name = "modDates"
'==============================================================================
' Module    : modDates
' Purpose   : Date helpers for the month-end close workbooks.
'             Nothing here reads the clock unless the caller leaves out the
'             "as of" argument, so results are repeatable in tests.
' History   : 2006-10-02  JW  Created (LastDayOfMonth, IsWeekend)
'             2010-04-19  PD  BusinessDaysBetween with holiday list
'             2015-01-05  PD  IsoWeekNumber (Format's "ww" is not ISO 8601)
'==============================================================================
Option Explicit

Public Const DATE_FMT_ISO As String = "yyyy-mm-dd"

Public Function FirstDayOfMonth(ByVal dtAny As Date) As Date
    FirstDayOfMonth = DateSerial(Year(dtAny), Month(dtAny), 1)
End Function

' Day 0 of next month is the last day of this one
Public Function LastDayOfMonth(ByVal dtAny As Date) As Date
    LastDayOfMonth = DateSerial(Year(dtAny), Month(dtAny) + 1, 0)
End Function

Public Function IsWeekend(ByVal dtAny As Date) As Boolean
    Select Case Weekday(dtAny, vbMonday)
        Case 6, 7
            IsWeekend = True
        Case Else
            IsWeekend = False
    End Select
End Function

'------------------------------------------------------------------------------
' BusinessDaysBetween: Monday-Friday days from dtStart to dtEnd, both included,
' less any dates in vHolidays (an array of dates). Negative when dtEnd is
' before dtStart.
'------------------------------------------------------------------------------
Public Function BusinessDaysBetween(ByVal dtStart As Date, ByVal dtEnd As Date, _
                                    Optional vHolidays As Variant) As Long
    Dim dtDay As Date
    Dim dtTmp As Date
    Dim lCount As Long
    Dim lSign As Long
    Dim vHol As Variant

    lSign = 1
    If dtEnd < dtStart Then
        dtTmp = dtStart: dtStart = dtEnd: dtEnd = dtTmp
        lSign = -1
    End If
    dtStart = Int(dtStart)      ' drop any time part
    dtEnd = Int(dtEnd)

    For dtDay = dtStart To dtEnd
        If Not IsWeekend(dtDay) Then
            lCount = lCount + 1
            If Not IsMissing(vHolidays) Then
                If IsArray(vHolidays) Then
                    For Each vHol In vHolidays
                        If Int(CDate(vHol)) = dtDay Then
                            lCount = lCount - 1
                            Exit For
                        End If
                    Next vHol
                End If
            End If
        End If
    Next dtDay

    BusinessDaysBetween = lCount * lSign
End Function

' Moves lDays business days forward (or back when negative)
Public Function AddBusinessDays(ByVal dtStart As Date, ByVal lDays As Long) As Date
    Dim dtDay As Date
    Dim lStep As Long

    dtDay = dtStart
    lStep = IIf(lDays < 0, -1, 1)
    Do While lDays <> 0
        dtDay = dtDay + lStep
        If Not IsWeekend(dtDay) Then lDays = lDays - lStep
    Loop
    AddBusinessDays = dtDay
End Function

'------------------------------------------------------------------------------
' IsoWeekNumber: ISO 8601 week (weeks start Monday; week 1 holds the first
' Thursday of the year). 1 Jan 2021 is in week 53 of 2020.
'------------------------------------------------------------------------------
Public Function IsoWeekNumber(ByVal dtAny As Date) As Integer
    Dim dtThursday As Date

    dtThursday = Int(dtAny) - Weekday(dtAny, vbMonday) + 4
    IsoWeekNumber = (dtThursday - DateSerial(Year(dtThursday), 1, 1)) \ 7 + 1
End Function

'------------------------------------------------------------------------------
' AgeInYears: whole years between dtBirth and vAsOf (today when omitted).
'------------------------------------------------------------------------------
Public Function AgeInYears(ByVal dtBirth As Date, Optional vAsOf As Variant) As Integer
    Dim dtAsOf As Date
    Dim iAge As Integer

    If IsMissing(vAsOf) Then
        dtAsOf = Date
    Else
        dtAsOf = CDate(vAsOf)
    End If

    iAge = DateDiff("yyyy", dtBirth, dtAsOf)
    ' DateDiff counts year boundaries, so step back if the birthday is still ahead
    If DateSerial(Year(dtAsOf), Month(dtBirth), Day(dtBirth)) > dtAsOf Then
        iAge = iAge - 1
    End If
    AgeInYears = iAge
End Function

Public Function QuarterLabel(ByVal dtAny As Date) As String
    QuarterLabel = "Q" & DatePart("q", dtAny) & "-" & Year(dtAny)
End Function

'------------------------------------------------------------------------------
' FiscalYear: our fiscal year starts 1 April; FY2024 = Apr 2023 .. Mar 2024.
'------------------------------------------------------------------------------
Public Function FiscalYear(ByVal dtAny As Date, Optional ByVal iStartMonth As Integer = 4) As Integer
    If Month(dtAny) >= iStartMonth Then
        FiscalYear = Year(dtAny) + 1
    Else
        FiscalYear = Year(dtAny)
    End If
End Function

'------------------------------------------------------------------------------
' MonthNames: "Jan", "Feb", ... as a 1-based array (Option Base is 0 here)
'------------------------------------------------------------------------------
Public Function MonthNames() As String()
    Dim aNames(1 To 12) As String
    Dim i As Integer

    For i = 1 To 12
        aNames(i) = Format$(DateSerial(2000, i, 1), "mmm")
    Next i
    MonthNames = aNames
End Function
