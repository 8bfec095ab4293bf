VERSION 5.00
Begin VB.UserControl ctlQtySpinner 
   ClientHeight    =   375
   ClientLeft      =   0
   ClientTop       =   0
   ClientWidth     =   1455
   ScaleHeight     =   375
   ScaleWidth      =   1455
   ToolboxBitmap   =   0
   Begin VB.VScrollBar vsbSpin 
      Height          =   375
      Left            =   1200
      Max             =   0
      Min             =   9999
      TabIndex        =   1
      TabStop         =   0   'False
      Top             =   0
      Value           =   1
      Width           =   255
   End
   Begin VB.TextBox txtValue 
      Alignment       =   1  'Right Justify
      Height          =   375
      Left            =   0
      MaxLength       =   4
      TabIndex        =   0
      Text            =   "1"
      Top             =   0
      Width           =   1215
   End
End
Attribute VB_Name = "ctlQtySpinner"
Attribute VB_GlobalNameSpace = False
Attribute VB_Creatable = True
Attribute VB_PredeclaredId = False
Attribute VB_Exposed = False
'------------------------------------------------------------------------------
' ctlQtySpinner - quantity box with up/down arrows (0..9999)
'------------------------------------------------------------------------------
Option Explicit

Public Event Change()

Private Const DEF_VALUE As Integer = 1
Private Const DEF_MIN As Integer = 0
Private Const DEF_MAX As Integer = 9999

Private m_iValue As Integer
Private m_iMin As Integer
Private m_iMax As Integer
Private m_bUpdating As Boolean

Public Property Get Value() As Integer
Attribute Value.VB_UserMemId = 0
    Value = m_iValue
End Property

Public Property Let Value(ByVal iNew As Integer)
    If iNew < m_iMin Then iNew = m_iMin
    If iNew > m_iMax Then iNew = m_iMax
    If iNew = m_iValue Then Exit Property

    m_iValue = iNew
    m_bUpdating = True
    txtValue.Text = CStr(m_iValue)
    vsbSpin.Value = m_iValue
    m_bUpdating = False

    PropertyChanged "Value"
    RaiseEvent Change
End Property

Public Property Get Min() As Integer
    Min = m_iMin
End Property

Public Property Let Min(ByVal iNew As Integer)
    m_iMin = iNew
    vsbSpin.Max = iNew          ' a VScrollBar counts downwards
    PropertyChanged "Min"
End Property

Public Property Get Max() As Integer
    Max = m_iMax
End Property

Public Property Let Max(ByVal iNew As Integer)
    m_iMax = iNew
    vsbSpin.Min = iNew
    PropertyChanged "Max"
End Property

Public Property Get Enabled() As Boolean
    Enabled = UserControl.Enabled
End Property

Public Property Let Enabled(ByVal bNew As Boolean)
    UserControl.Enabled = bNew
    txtValue.Enabled = bNew
    vsbSpin.Enabled = bNew
    PropertyChanged "Enabled"
End Property

Private Sub UserControl_InitProperties()
    m_iMin = DEF_MIN
    m_iMax = DEF_MAX
    m_iValue = DEF_VALUE
End Sub

Private Sub UserControl_ReadProperties(PropBag As PropertyBag)
    With PropBag
        m_iMin = .ReadProperty("Min", DEF_MIN)
        m_iMax = .ReadProperty("Max", DEF_MAX)
        m_iValue = .ReadProperty("Value", DEF_VALUE)
        UserControl.Enabled = .ReadProperty("Enabled", True)
    End With
    txtValue.Text = CStr(m_iValue)
End Sub

Private Sub UserControl_WriteProperties(PropBag As PropertyBag)
    With PropBag
        .WriteProperty "Min", m_iMin, DEF_MIN
        .WriteProperty "Max", m_iMax, DEF_MAX
        .WriteProperty "Value", m_iValue, DEF_VALUE
        .WriteProperty "Enabled", UserControl.Enabled, True
    End With
End Sub

Private Sub UserControl_Resize()
    On Error Resume Next            ' the control can be sized to nothing
    vsbSpin.Move ScaleWidth - vsbSpin.Width, 0, vsbSpin.Width, ScaleHeight
    txtValue.Move 0, 0, ScaleWidth - vsbSpin.Width, ScaleHeight
End Sub

Private Sub vsbSpin_Change()
    If m_bUpdating Then Exit Sub
    Me.Value = vsbSpin.Value
End Sub

Private Sub txtValue_KeyPress(KeyAscii As Integer)
    If KeyAscii = vbKeyBack Then Exit Sub
    If KeyAscii < vbKey0 Or KeyAscii > vbKey9 Then KeyAscii = 0
End Sub

Private Sub txtValue_Validate(Cancel As Boolean)
    If Len(txtValue.Text) = 0 Then txtValue.Text = CStr(m_iMin)
    Me.Value = CInt(Val(txtValue.Text))
    txtValue.Text = CStr(m_iValue)
End Sub
