'==============================================================================
' IniReader.vbs - reads an INI file and prints a few settings.
'
' Usage:  cscript //nologo IniReader.vbs [path\to\file.ini]
'         (default: data\sample.ini next to this script)
'
' Sections and keys are case-insensitive. Lines starting with ; or # are
' comments. Values keep inner spaces but are trimmed at both ends.
'==============================================================================
Option Explicit

Const ForReading = 1

Class IniFile
    Private m_sections      ' Dictionary: section name -> Dictionary(key -> value)
    Private m_path
    Private m_lineCount
    Private m_badLines

    Private Sub Class_Initialize()
        Set m_sections = CreateObject("Scripting.Dictionary")
        m_sections.CompareMode = vbTextCompare
        m_lineCount = 0
        m_badLines = 0
    End Sub

    Private Sub Class_Terminate()
        Set m_sections = Nothing
    End Sub

    Public Property Get Path()
        Path = m_path
    End Property

    Public Property Get LineCount()
        LineCount = m_lineCount
    End Property

    Public Property Get BadLines()
        BadLines = m_badLines
    End Property

    Public Property Get SectionNames()
        SectionNames = m_sections.Keys
    End Property

    ' Returns True when the file could be read
    Public Function Load(filePath)
        Dim fso, ts, line, section, pos, key, value, dict

        Load = False
        Set fso = CreateObject("Scripting.FileSystemObject")
        If Not fso.FileExists(filePath) Then Exit Function

        On Error Resume Next
        Set ts = fso.OpenTextFile(filePath, ForReading)
        If Err.Number <> 0 Then
            WScript.Echo "Cannot open " & filePath & ": " & Err.Description
            Err.Clear
            Exit Function
        End If
        On Error GoTo 0

        m_path = filePath
        section = ""
        Do Until ts.AtEndOfStream
            line = Trim(ts.ReadLine)
            m_lineCount = m_lineCount + 1
            If Len(line) = 0 Then
                ' blank line
            ElseIf Left(line, 1) = ";" Or Left(line, 1) = "#" Then
                ' comment
            ElseIf Left(line, 1) = "[" And Right(line, 1) = "]" Then
                section = Trim(Mid(line, 2, Len(line) - 2))
                EnsureSection section
            Else
                pos = InStr(line, "=")
                If pos > 1 Then
                    key = Trim(Left(line, pos - 1))
                    value = Trim(Mid(line, pos + 1))
                    Set dict = EnsureSection(section)
                    dict(key) = value
                Else
                    m_badLines = m_badLines + 1
                End If
            End If
        Loop
        ts.Close
        Load = True
    End Function

    Private Function EnsureSection(name)
        Dim dict
        If Not m_sections.Exists(name) Then
            Set dict = CreateObject("Scripting.Dictionary")
            dict.CompareMode = vbTextCompare
            m_sections.Add name, dict
        End If
        Set EnsureSection = m_sections(name)
    End Function

    Public Function HasKey(section, key)
        HasKey = False
        If m_sections.Exists(section) Then HasKey = m_sections(section).Exists(key)
    End Function

    Public Function GetValue(section, key, defaultValue)
        If HasKey(section, key) Then
            GetValue = m_sections(section)(key)
        Else
            GetValue = defaultValue
        End If
    End Function

    Public Function GetInt(section, key, defaultValue)
        Dim v
        v = GetValue(section, key, "")
        If IsNumeric(v) And Len(v) > 0 Then
            GetInt = CLng(v)
        Else
            GetInt = defaultValue
        End If
    End Function

    Public Function GetBool(section, key, defaultValue)
        Select Case LCase(GetValue(section, key, ""))
            Case "1", "true", "yes", "on"
                GetBool = True
            Case "0", "false", "no", "off"
                GetBool = False
            Case Else
                GetBool = defaultValue
        End Select
    End Function
End Class

'------------------------------------------------------------------------------
' main
'------------------------------------------------------------------------------
Dim fso, ini, iniPath, formats

Set fso = CreateObject("Scripting.FileSystemObject")
If WScript.Arguments.Count > 0 Then
    iniPath = WScript.Arguments(0)
Else
    iniPath = fso.BuildPath(fso.GetParentFolderName(WScript.ScriptFullName), "data\sample.ini")
End If

Set ini = New IniFile
If Not ini.Load(iniPath) Then
    WScript.Echo "Cannot read " & iniPath
    WScript.Quit 1
End If

WScript.Echo "Read " & ini.LineCount & " lines (" & ini.BadLines & " bad)"
WScript.Echo "Sections: " & Join(ini.SectionNames, ", ")
WScript.Echo "App: " & ini.GetValue("General", "AppName", "?") & " v" & ini.GetValue("general", "VERSION", "0")
WScript.Echo "Server: " & ini.GetValue("Database", "Server", "localhost") & "/" & ini.GetValue("Database", "Database", "")
WScript.Echo "Timeout x2: " & ini.GetInt("Database", "Timeout", 15) * 2
WScript.Echo "Retries: " & ini.GetInt("Database", "Retries", 3)
WScript.Echo "Debug on: " & ini.GetBool("General", "Debug", True)
formats = Split(ini.GetValue("Export", "Formats", ""), ",")
WScript.Echo "Formats: " & UBound(formats) + 1 & " (" & formats(0) & " first)"
WScript.Echo "Folder: " & ini.GetValue("Export", "Folder", "")
WScript.Echo "Missing section: [" & ini.GetValue("Nope", "Key", "") & "]"

Set ini = Nothing
WScript.Quit 0
