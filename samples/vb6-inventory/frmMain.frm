VERSION 5.00
Begin VB.Form frmMain 
   BorderStyle     =   1  'Fixed Single
   Caption         =   "Stock Keeper"
   ClientHeight    =   4320
   ClientLeft      =   45
   ClientTop       =   330
   ClientWidth     =   6495
   LinkTopic       =   "Form1"
   MaxButton       =   0   'False
   MinButton       =   0   'False
   ScaleHeight     =   4320
   ScaleWidth      =   6495
   StartUpPosition =   2  'CenterScreen
   Begin Inventory.ctlQtySpinner ctlQty 
      Height          =   375
      Left            =   4680
      TabIndex        =   5
      Top             =   1200
      Width           =   1455
      _ExtentX        =   2566
      _ExtentY        =   661
   End
   Begin VB.ListBox lstItems 
      Height          =   3180
      Left            =   120
      TabIndex        =   0
      Top             =   120
      Width           =   3135
   End
   Begin VB.TextBox txtCode 
      Height          =   315
      Left            =   4680
      MaxLength       =   8
      TabIndex        =   1
      Top             =   120
      Width           =   1455
   End
   Begin VB.TextBox txtDesc 
      Height          =   315
      Left            =   4680
      MaxLength       =   24
      TabIndex        =   3
      Top             =   660
      Width           =   1695
   End
   Begin VB.TextBox txtPrice 
      Alignment       =   1  'Right Justify
      Height          =   315
      Left            =   4680
      TabIndex        =   7
      Text            =   "0.00"
      Top             =   1740
      Width           =   1455
   End
   Begin VB.CommandButton cmdSave 
      Caption         =   "&Save"
      Default         =   -1  'True
      Height          =   375
      Left            =   3360
      TabIndex        =   8
      Top             =   2400
      Width           =   1335
   End
   Begin VB.CommandButton cmdDelete 
      Caption         =   "&Delete"
      Height          =   375
      Left            =   4800
      TabIndex        =   9
      Top             =   2400
      Width           =   1335
   End
   Begin VB.CommandButton cmdExport 
      Caption         =   "E&xport..."
      Height          =   375
      Left            =   3360
      TabIndex        =   10
      Top             =   2880
      Width           =   1335
   End
   Begin VB.Label lblCaption 
      Caption         =   "Code"
      Height          =   255
      Index           =   0
      Left            =   3360
      TabIndex        =   11
      Top             =   180
      Width           =   1215
   End
   Begin VB.Label lblCaption 
      Caption         =   "Description"
      Height          =   255
      Index           =   1
      Left            =   3360
      TabIndex        =   2
      Top             =   720
      Width           =   1215
   End
   Begin VB.Label lblCaption 
      Caption         =   "Quantity"
      Height          =   255
      Index           =   2
      Left            =   3360
      TabIndex        =   4
      Top             =   1260
      Width           =   1215
   End
   Begin VB.Label lblCaption 
      Caption         =   "Unit price"
      Height          =   255
      Index           =   3
      Left            =   3360
      TabIndex        =   6
      Top             =   1800
      Width           =   1215
   End
   Begin VB.Label lblStatus 
      BorderStyle     =   1  'Fixed Single
      Height          =   315
      Left            =   120
      TabIndex        =   12
      Top             =   3480
      Width           =   6255
   End
End
Attribute VB_Name = "frmMain"
Attribute VB_GlobalNameSpace = False
Attribute VB_Creatable = False
Attribute VB_PredeclaredId = True
Attribute VB_Exposed = False
'------------------------------------------------------------------------------
' frmMain - stock list with an edit panel on the right
'------------------------------------------------------------------------------
Option Explicit

Private WithEvents m_oCurrent As CStockItem
Attribute m_oCurrent.VB_VarHelpID = -1
Private m_bDirty As Boolean

Private Sub Form_Load()
    Dim oItem As CStockItem

    Me.Caption = APP_TITLE & " " & App.Major & "." & App.Minor
    lstItems.Clear
    For Each oItem In gItems
        lstItems.AddItem oItem.Code & " - " & oItem.Description
    Next
    lblStatus.Caption = gItems.Count & " item(s) loaded"
End Sub

Private Sub lstItems_Click()
    Dim sCode As String

    If lstItems.ListIndex < 0 Then Exit Sub
    sCode = Left$(lstItems.Text, InStr(lstItems.Text, " - ") - 1)
    Set m_oCurrent = gItems(sCode)
    txtCode.Text = m_oCurrent.Code
    txtDesc.Text = m_oCurrent.Description
    ctlQty.Value = m_oCurrent.Qty
    txtPrice.Text = Format$(m_oCurrent.Price, "0.00")
    m_bDirty = False
End Sub

Private Sub txtPrice_KeyPress(KeyAscii As Integer)
    Select Case KeyAscii
        Case vbKey0 To vbKey9, vbKeyBack, 46    ' 46 = "."
        Case Else
            KeyAscii = 0
    End Select
End Sub

Private Sub ctlQty_Change()
    m_bDirty = True
End Sub

Private Sub cmdSave_Click()
    Dim oItem As CStockItem
    Dim sCode As String

    On Error GoTo ErrHandler
    sCode = UCase$(Trim$(txtCode.Text))
    If Len(sCode) = 0 Then
        MsgBox "Please enter a code.", vbExclamation, APP_TITLE
        txtCode.SetFocus
        Exit Sub
    End If

    On Error Resume Next
    Set oItem = gItems(sCode)
    On Error GoTo ErrHandler
    If oItem Is Nothing Then
        Set oItem = NewItem(sCode, txtDesc.Text, ctlQty.Value, CCur(Val(txtPrice.Text)))
        gItems.Add oItem, sCode
        lstItems.AddItem oItem.Code & " - " & oItem.Description
    Else
        oItem.Description = txtDesc.Text
        oItem.Qty = ctlQty.Value
        oItem.Price = CCur(Val(txtPrice.Text))
    End If

    SaveItemsText DataPath(TEXT_FILE), gItems
    m_bDirty = False
    lblStatus.Caption = "Saved " & sCode & " at " & Format$(Now, "hh:nn:ss")
    Exit Sub

ErrHandler:
    MsgBox "Could not save: " & Err.Description, vbCritical, APP_TITLE
End Sub

Private Sub cmdDelete_Click()
    Dim sCode As String

    If m_oCurrent Is Nothing Then Exit Sub
    sCode = m_oCurrent.Code
    If MsgBox("Delete " & sCode & "?", vbYesNo + vbQuestion, APP_TITLE) = vbNo Then Exit Sub

    gItems.Remove sCode
    lstItems.RemoveItem lstItems.ListIndex
    Set m_oCurrent = Nothing
    SaveItemsText DataPath(TEXT_FILE), gItems
    lblStatus.Caption = "Deleted " & sCode
End Sub

Private Sub cmdExport_Click()
    Dim n As Long

    n = SaveItemsRandom(DataPath(DATA_FILE), gItems)
    lblStatus.Caption = n & " record(s) written to " & DATA_FILE
End Sub

Private Sub m_oCurrent_BelowReorder(ByVal Code As String)
    lblStatus.Caption = Code & " is below its reorder level"
    Beep
End Sub

Private Sub m_oCurrent_QtyChanged(ByVal OldQty As Integer, ByVal NewQty As Integer)
    lblStatus.Caption = "Quantity " & OldQty & " -> " & NewQty
End Sub

Private Sub Form_QueryUnload(Cancel As Integer, UnloadMode As Integer)
    If m_bDirty And UnloadMode = vbFormControlMenu Then
        If MsgBox("Discard unsaved changes?", vbYesNo + vbQuestion, APP_TITLE) = vbNo Then
            Cancel = 1
        End If
    End If
End Sub

Private Sub Form_Unload(Cancel As Integer)
    Set m_oCurrent = Nothing
End Sub
