"""What VBA resolves outside the project: the VBA library, host object models, type names.

Why tables: MS-VBAL 5.6.10 ends name lookup in the referenced libraries (VBA first, then the
host application's library, then other references).  We cannot load type libraries here, so
the names a legacy project commonly touches are listed, and anything not listed stays
*unresolved* rather than guessed.  Lower-case keys: VBA is case-insensitive.
"""

from __future__ import annotations

from transform.runtimes.vba.builtins import BUILTINS


def _canon(text: str) -> dict[str, str]:
    """Lower-case name → its documented spelling, from a whitespace-separated list."""
    return {word.lower(): word for word in text.split()}


# VBA library functions and statements that are not in the interpreter's BUILTINS table (it
# only holds pure functions), with the external effect category of those that have one.
LIBRARY_EFFECTS: dict[str, str] = {
    # user interface
    "msgbox": "ui",
    "inputbox": "ui",
    "load": "ui",
    "unload": "ui",
    "doevents": "ui",
    "beep": "ui",
    # processes and keystrokes
    "shell": "shell",
    "sendkeys": "shell",
    "appactivate": "shell",
    # files (besides the Open/Close/Print #... statements)
    "kill": "file_io",
    "filecopy": "file_io",
    "mkdir": "file_io",
    "rmdir": "file_io",
    "chdir": "file_io",
    "chdrive": "file_io",
    "curdir": "file_io",
    "curdir$": "file_io",
    "dir": "file_io",
    "dir$": "file_io",
    "filelen": "file_io",
    "filedatetime": "file_io",
    "getattr": "file_io",
    "setattr": "file_io",
    "eof": "file_io",
    "lof": "file_io",
    "loc": "file_io",
    "freefile": "file_io",
    "input": "file_io",
    "input$": "file_io",
    "inputb": "file_io",
    "loadpicture": "file_io",
    "savepicture": "file_io",
    # registry (VB and VBA program settings)
    "getsetting": "registry",
    "savesetting": "registry",
    "deletesetting": "registry",
    "getallsettings": "registry",
    # COM
    "createobject": "com",
    "getobject": "com",
    # environment
    "environ": "environment",
    "environ$": "environment",
    "command": "environment",
    "command$": "environment",
    # results that change from run to run (characterization must pin them)
    "now": "nondeterministic",
    "date": "nondeterministic",
    "date$": "nondeterministic",
    "time": "nondeterministic",
    "time$": "nondeterministic",
    "timer": "nondeterministic",
    "rnd": "nondeterministic",
    "randomize": "nondeterministic",
}

_LIBRARY_PURE = {
    "iif",
    "choose",
    "switch",
    "callbyname",
    "error",
    "error$",
    "erl",
    "rgb",
    "qbcolor",
    "lenb",
    "midb",
    "midb$",
    "leftb",
    "leftb$",
    "rightb",
    "rightb$",
    "ascb",
    "chrb",
    "chrb$",
    "instrb",
    "partition",
    "pmt",
    "ipmt",
    "ppmt",
    "fv",
    "pv",
    "npv",
    "irr",
    "mirr",
    "nper",
    "rate",
    "ddb",
    "sln",
    "syd",
    "varptr",
    "strptr",
    "objptr",
    "formatdatetime",
    "isobject",
    "spc",
    "tab",
    "cverr",
    "imestatus",
    "macid",
    "macscript",
    "lset",
    "rset",
    "array",
    "escape",
    "unescape",
    "getref",
    "eval",
    "execute",
    "scriptengine",
    "scriptenginemajorversion",
    "scriptengineminorversion",
    "scriptenginebuildversion",
}

# VBA's standard objects and the library qualifiers a project may write (``VBA.Len``).
LIBRARY_OBJECTS = {
    "err",
    "debug",
    "collection",
    "vba",
    "global",
    "app",
    "screen",
    "printer",
    "clipboard",
    "forms",
    "userforms",
    "nothing",
    "empty",
    "null",
    "true",
    "false",
    "strings",
    "interaction",
    "conversion",
    "filesystem",
    "information",
    "math",
    "datetime",
}

LIBRARY_FUNCTIONS = set(BUILTINS) | set(LIBRARY_EFFECTS) | _LIBRARY_PURE

# VBA constants (VBA library enumerations, MS-VBAL 6.1.1): vbKey* are matched by prefix.
VBA_CONSTANTS = set(
    _canon("""
vbCr vbLf vbCrLf vbNewLine vbNullChar vbNullString vbTab vbBack vbFormFeed vbVerticalTab
vbObjectError vbBinaryCompare vbTextCompare vbDatabaseCompare
vbOK vbCancel vbAbort vbRetry vbIgnore vbYes vbNo
vbOKOnly vbOKCancel vbAbortRetryIgnore vbYesNoCancel vbYesNo vbRetryCancel
vbCritical vbQuestion vbExclamation vbInformation vbDefaultButton1 vbDefaultButton2
vbDefaultButton3 vbDefaultButton4 vbApplicationModal vbSystemModal vbMsgBoxHelpButton
vbMsgBoxSetForeground vbMsgBoxRight vbMsgBoxRtlReading
vbSunday vbMonday vbTuesday vbWednesday vbThursday vbFriday vbSaturday vbUseSystemDayOfWeek
vbUseSystem vbFirstJan1 vbFirstFourDays vbFirstFullWeek
vbEmpty vbNull vbInteger vbLong vbSingle vbDouble vbCurrency vbDate vbString vbObject vbError
vbBoolean vbVariant vbDataObject vbDecimal vbByte vbLongLong vbUserDefinedType vbArray
vbUpperCase vbLowerCase vbProperCase vbWide vbNarrow vbKatakana vbHiragana vbUnicode
vbFromUnicode vbGeneralDate vbLongDate vbShortDate vbLongTime vbShortTime
vbNormal vbReadOnly vbHidden vbSystem vbVolume vbDirectory vbArchive vbAlias
vbHide vbNormalFocus vbMinimizedFocus vbMaximizedFocus vbNormalNoFocus vbMinimizedNoFocus
vbMethod vbGet vbLet vbSet vbTrue vbFalse vbUseDefault
vbBlack vbRed vbGreen vbYellow vbBlue vbMagenta vbCyan vbWhite
vbModal vbModeless vbFormControlMenu vbFormCode vbAppWindows vbAppTaskManager vbFormMDIForm
vbFormOwner vbLeftButton vbRightButton vbMiddleButton vbShiftMask vbCtrlMask vbAltMask
vbDefault vbArrow vbHourglass vbCrosshair vbIbeam vbSizeAll vbNoDrop vbTwips vbPixels
vbMaximized vbMinimized vbCFText vbCFBitmap vbCenter vbLeftJustify vbRightJustify
vbButtonFace vbWindowBackground vbWindowText vbHighlight vbGrayText
""")
)

# Type names every VBA host knows (MS-VBAL 2.1 declared types plus VBA library classes).
INTRINSIC_TYPES = set(
    _canon("""
Boolean Byte Integer Long LongLong LongPtr Single Double Currency Decimal Date String Object
Variant Any Collection ErrObject Error IUnknown IDispatch
VbCompareMethod VbMsgBoxResult VbMsgBoxStyle VbVarType VbDayOfWeek VbFirstWeekOfYear VbStrConv
VbFileAttribute VbAppWinStyle VbCallType VbTriState VbDateTimeFormat VbIMEStatus VbCalendar
""")
)

# Host object models: host → global names usable without qualification (the host's
# Application members and top-level objects) and host class names usable as types.
HOST_GLOBALS: dict[str, dict[str, str]] = {
    "Excel": _canon(
        """
Application ActiveWorkbook ActiveSheet ActiveCell ActiveWindow ActiveChart Selection
ThisWorkbook Workbooks Worksheets Sheets Charts Range Cells Rows Columns Names
WorksheetFunction Intersect Union Evaluate Calculate Run OnTime OnKey Windows AddIns
CommandBars Dialogs ExecuteExcel4Macro StatusBar ScreenUpdating DisplayAlerts
"""
    ),
    "Word": _canon(
        """
Application ActiveDocument Documents ThisDocument Selection WordBasic Options NormalTemplate
Templates ActiveWindow System CommandBars Dialogs Windows
"""
    ),
    "Access": _canon(
        """
Application DoCmd CurrentDb CurrentProject CodeProject CodeDb Forms Reports Screen DLookup
DCount DSum DAvg DMax DMin DFirst DLast Nz TempVars CurrentUser SysCmd DBEngine
"""
    ),
    "PowerPoint": _canon(
        "Application ActivePresentation Presentations SlideShowWindows ActiveWindow"
    ),
    "WSH": _canon("WScript"),
}

# Global names that are methods or properties of the host's Application object: their edge
# goes to ``host:<Host>.Application`` (``Run "X"`` is ``Application.Run "X"``).
APPLICATION_MEMBERS = set(
    _canon(
        """
Run OnTime OnKey Calculate Evaluate Intersect Union ExecuteExcel4Macro StatusBar
ScreenUpdating DisplayAlerts Nz SysCmd DLookup DCount DSum DAvg DMax DMin DFirst DLast
"""
    )
)

HOST_TYPES: dict[str, dict[str, str]] = {
    "Excel": _canon(
        """
Application Workbook Workbooks Worksheet Worksheets Sheets Range Chart Charts ChartObject
ChartObjects Shape Shapes PivotTable PivotTables ListObject ListObjects ListRow ListColumn
Name Names Window Windows WorksheetFunction Hyperlink Comment Font Interior Border Borders
QueryTable Validation FormatCondition PageSetup Areas OLEObject Series
"""
    ),
    "Word": _canon(
        """
Application Document Documents Paragraph Paragraphs Bookmark Bookmarks Table Tables Cell
Selection Range Section Sections Field Fields Template InlineShape Style
"""
    ),
    "Access": _canon(
        """
Application Form Report Control Controls TextBox ComboBox ListBox CommandButton Database
Recordset Recordset2 QueryDef TableDef Field Fields DoCmd
"""
    ),
    "PowerPoint": _canon("Presentation Slide Slides Shape Shapes"),
    "WSH": {},
}

# Libraries a project references by name (``Dim d As Scripting.Dictionary``); their types
# are external early-bound dependencies.  MSForms/VB are the form engines (UI).
LIBRARY_QUALIFIERS = _canon("""
Excel Word Access PowerPoint Outlook Office MSForms VB VBA Scripting ADODB DAO ADOX MSXML2
MSXML WinHttp VBIDE stdole Shell32 IWshRuntimeLibrary VBScript_RegExp_55 MSComctlLib
MSComDlg Publisher Visio
""")

# Types of the form engines, resolved as library "MSForms" (VBA) or "VB" (VB6).
FORM_TYPES = _canon(
    """
UserForm ReturnInteger ReturnBoolean ReturnString ReturnSingle ReturnVariant ReturnEffect
Control Controls TextBox ComboBox ListBox CommandButton Label CheckBox OptionButton Frame
MultiPage Page Image SpinButton ScrollBar ToggleButton TabStrip Form PictureBox Timer
DriveListBox DirListBox FileListBox HScrollBar VScrollBar Shape Line Menu Data OLE
StdFont StdPicture IPictureDisp IFontDisp DataObject PropertyBag AmbientProperties
Extender
"""
)

# Classes built into VBScript itself (``New RegExp``).
SCRIPT_TYPES = _canon("RegExp")

# Host prefixes of Office enumeration constants (xlUp, wdStory, acForm, msoTrue, fmStyle...).
# Accepted only when the project's hosts include that library, see docs/index.md.
HOST_CONSTANT_PREFIXES = {
    "Excel": ("xl", "rgb"),
    "Word": ("wd",),
    "Access": ("ac", "db"),
    "PowerPoint": ("pp",),
    "Office": ("mso",),
    "MSForms": ("fm",),
}

# ProgIDs with a known effect besides plain COM; pure in-memory helpers have none.
PROGID_EFFECTS: dict[str, str] = {
    "scripting.filesystemobject": "file_io",
    "wscript.shell": "shell",
    "shell.application": "shell",
    "wscript.network": "network",
    "msxml2.xmlhttp": "network",
    "msxml2.serverxmlhttp": "network",
    "microsoft.xmlhttp": "network",
    "winhttp.winhttprequest.5.1": "network",
    "adodb.connection": "database",
    "adodb.recordset": "database",
    "adodb.command": "database",
    "dao.dbengine": "database",
    "outlook.application": "com",
    "excel.application": "host",
    "word.application": "host",
}
PURE_PROGIDS = {
    "scripting.dictionary",
    "vbscript.regexp",
    "system.collections.arraylist",
    "system.collections.sortedlist",
    "system.text.stringbuilder",
    "msxml2.domdocument",
    "msxml2.domdocument.6.0",
    "adodb.stream",
}

# Base-class members usable inside document and form modules, by module flavour.
BASE_MEMBERS: dict[str, dict[str, str]] = {
    "workbook": _canon(
        """
Worksheets Sheets Name Path FullName Save SaveAs SaveCopyAs Close Saved Names Charts Activate
Windows ActiveSheet ReadOnly Application Parent CodeName VBProject BuiltinDocumentProperties
CustomDocumentProperties RefreshAll Protect Unprotect
"""
    ),
    "worksheet": _canon(
        """
Range Cells Rows Columns Name Parent Activate Select Calculate Shapes ListObjects UsedRange
AutoFilterMode AutoFilter EnableCalculation EnableEvents Tab StandardWidth
Protect Unprotect Visible Index ChartObjects PivotTables Application CodeName Hyperlinks
Comments QueryTables OLEObjects Move Copy Delete PageSetup PrintOut Evaluate
"""
    ),
    "document": _canon(
        """
Content Paragraphs Range Bookmarks Tables Save SaveAs Close Name FullName Path Fields
Sections Words Sentences Characters Application Saved Activate PrintOut Variables
"""
    ),
    "form": _canon(
        """
Hide Show Caption Controls Width Height Left Top Repaint Tag ActiveControl BackColor
ForeColor Visible Enabled Refresh Move Cls Print hWnd ScaleWidth ScaleHeight Icon
WindowState MousePointer Font SetFocus ZOrder Name KeyPreview Picture
"""
    ),
    "usercontrol": _canon(
        """
Extender Ambient PropertyChanged UserControl Width Height hWnd Refresh Enabled Controls
BackColor ForeColor Font CanGetFocus ScaleWidth ScaleHeight Cls Print Size Parent
"""
    ),
}

# Event-procedure prefixes of document, form and class modules: prefix → (module flavour,
# host node the event comes from).
OBJECT_EVENT_PREFIXES: dict[str, tuple[set[str], str]] = {
    "workbook": ({"document"}, "host:Excel.Workbook"),
    "worksheet": ({"document"}, "host:Excel.Worksheet"),
    "chart": ({"document"}, "host:Excel.Chart"),
    "document": ({"document"}, "host:Word.Document"),
    "userform": ({"form"}, "lib:MSForms.UserForm"),
    "form": ({"form", "document"}, "lib:VB.Form"),
    "report": ({"document"}, "host:Access.Report"),
    "mdiform": ({"form"}, "lib:VB.MDIForm"),
    "usercontrol": ({"usercontrol", "form"}, "lib:VB.UserControl"),
    "class": ({"class", "form", "document", "usercontrol"}, ""),
}

# Event names of controls: a handler ``name_Event`` in a form whose designer is not in the
# text (VBA UserForms keep controls in the .frx) implies a control called ``name``.
CONTROL_EVENTS = set(
    _canon("""
Click DblClick Change KeyPress KeyDown KeyUp Exit Enter BeforeUpdate AfterUpdate GotFocus
LostFocus MouseDown MouseUp MouseMove Validate Scroll Timer DropButtonClick BeforeDragOver
BeforeDropOrPaste Error SpinUp SpinDown ItemClick ColumnClick NodeClick
""")
)

# Automatic macros started by the host (Excel Auto_Open, Word AutoExec...) and VB6's Main.
AUTO_MACROS = set(_canon("Auto_Open Auto_Close AutoExec AutoOpen AutoClose AutoNew AutoExit Main"))


def host_constant(name: str, hosts: list[str]) -> str | None:
    """The host whose enumeration constant prefix ``name`` carries, if that host is in use."""
    low = name.lower()
    for host in hosts:
        for prefix in HOST_CONSTANT_PREFIXES.get(host, ()):
            rest = name[len(prefix) :]
            if low.startswith(prefix) and rest[:1].isupper():
                return host
    return None


def is_vba_constant(name: str) -> bool:
    """A VBA library constant (``vbCrLf``, ``vbKeyReturn``)."""
    low = name.lower()
    return low in VBA_CONSTANTS or (low.startswith("vbkey") and len(low) > 5)
