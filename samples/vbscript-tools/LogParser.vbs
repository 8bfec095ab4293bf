'==============================================================================
' LogParser.vbs - summarises a job log:
'   yyyy-mm-dd hh:nn:ss [LEVEL] module: message
'
' Usage:  cscript //nologo LogParser.vbs [path\to\job.log] [/errors]
'         (default: data\sample.log next to this script; /errors lists
'          every ERROR line as well)
'==============================================================================
Option Explicit

Const ForReading = 1

Class LogStats
    Private m_levels        ' Dictionary level -> count (first-seen order)
    Private m_modules       ' Dictionary module -> count
    Private m_errors        ' Dictionary n -> "time module: message"
    Private m_total
    Private m_unparsed
    Private m_rows
    Private m_first
    Private m_last
    Private m_lineRe
    Private m_rowsRe

    Private Sub Class_Initialize()
        Set m_levels = CreateObject("Scripting.Dictionary")
        Set m_modules = CreateObject("Scripting.Dictionary")
        Set m_errors = CreateObject("Scripting.Dictionary")
        m_total = 0
        m_unparsed = 0
        m_rows = 0
        m_first = Empty
        m_last = Empty

        Set m_lineRe = New RegExp
        m_lineRe.Pattern = "^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) \[(\w+)\] (\w+): (.*)$"
        m_lineRe.IgnoreCase = False

        Set m_rowsRe = New RegExp
        m_rowsRe.Pattern = "wrote (\d+) rows"
    End Sub

    Public Property Get Total()
        Total = m_total
    End Property

    Public Property Get Unparsed()
        Unparsed = m_unparsed
    End Property

    Public Property Get RowsWritten()
        RowsWritten = m_rows
    End Property

    Public Property Get Levels()
        Set Levels = m_levels
    End Property

    Public Property Get Errors()
        Errors = m_errors.Items
    End Property

    Public Property Get DurationSeconds()
        If IsEmpty(m_first) Then
            DurationSeconds = 0
        Else
            DurationSeconds = DateDiff("s", m_first, m_last)
        End If
    End Property

    Public Sub AddLine(text)
        Dim matches, m, level, moduleName, message, stamp

        m_total = m_total + 1
        Set matches = m_lineRe.Execute(text)
        If matches.Count = 0 Then
            m_unparsed = m_unparsed + 1
            Exit Sub
        End If

        Set m = matches(0)
        stamp = CDate(m.SubMatches(0) & " " & m.SubMatches(1))
        level = UCase(m.SubMatches(2))
        moduleName = m.SubMatches(3)
        message = m.SubMatches(4)

        If IsEmpty(m_first) Then m_first = stamp
        m_last = stamp
        m_levels(level) = m_levels(level) + 1
        m_modules(moduleName) = m_modules(moduleName) + 1

        If level = "ERROR" Then
            m_errors.Add m_errors.Count + 1, m.SubMatches(1) & " " & moduleName & ": " & message
        End If

        Set matches = m_rowsRe.Execute(message)
        If matches.Count > 0 Then m_rows = m_rows + CLng(matches(0).SubMatches(0))
    End Sub

    ' Name of the module with most lines (first one wins a tie)
    Public Function BusiestModule(ByRef count)
        Dim key
        count = 0
        BusiestModule = ""
        For Each key In m_modules.Keys
            If m_modules(key) > count Then
                count = m_modules(key)
                BusiestModule = key
            End If
        Next
    End Function
End Class

'------------------------------------------------------------------------------
' main
'------------------------------------------------------------------------------
Dim fso, ts, stats, logPath, showErrors, arg, level, busiest, n, errLine

Set fso = CreateObject("Scripting.FileSystemObject")
logPath = fso.BuildPath(fso.GetParentFolderName(WScript.ScriptFullName), "data\sample.log")
showErrors = False
For Each arg In WScript.Arguments
    If LCase(arg) = "/errors" Then
        showErrors = True
    Else
        logPath = arg
    End If
Next

On Error Resume Next
Set ts = fso.OpenTextFile(logPath, ForReading)
If Err.Number <> 0 Then
    WScript.Echo "Cannot open " & logPath & " (error " & Err.Number & ")"
    WScript.Quit 2
End If
On Error GoTo 0

Set stats = New LogStats
Do While Not ts.AtEndOfStream
    stats.AddLine ts.ReadLine
Loop
ts.Close

WScript.Echo "Lines: " & stats.Total & " (" & stats.Unparsed & " not parsed)"
For Each level In stats.Levels.Keys
    WScript.Echo level & ": " & stats.Levels(level)
Next
busiest = stats.BusiestModule(n)
WScript.Echo "Busiest module: " & busiest & " (" & n & " lines)"
WScript.Echo "Rows exported: " & stats.RowsWritten
WScript.Echo "Duration: " & stats.DurationSeconds & " s"
If showErrors Then
    WScript.Echo "Errors:"
    For Each errLine In stats.Errors
        WScript.Echo "  " & errLine
    Next
End If

If stats.Levels.Exists("ERROR") Then
    WScript.Quit 1
Else
    WScript.Quit 0
End If
