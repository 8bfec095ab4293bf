VERSION 5.00
Begin {C62A69F0-16DC-11CE-9E98-00AA00574A4F} frmOrderEntry 
   Caption         =   "Order Entry"
   ClientHeight    =   5490
   ClientLeft      =   120
   ClientTop       =   465
   ClientWidth     =   7560
   OleObjectBlob   =   "frmOrderEntry.frx":0000
   StartUpPosition =   1  'CenterOwner
End
Attribute VB_Name = "frmOrderEntry"
Attribute VB_GlobalNameSpace = False
Attribute VB_Creatable = False
Attribute VB_PredeclaredId = True
Attribute VB_Exposed = False
'==============================================================================
' Form      : frmOrderEntry
' Purpose   : Trade counter order entry. Controls (in the .frx):
'               cboProduct  ComboBox   2 columns: SKU, description
'               txtQty      TextBox    quantity, digits only
'               lblPrice    Label      unit price of the selected product
'               lblStock    Label      stock on hand
'               cmdAdd      CommandButton  "&Add"
'               lstLines    ListBox    3 columns: SKU, qty, line total
'               cmdRemove   CommandButton  "&Remove"
'               lblTotals   Label      subtotal / discount / tax / total
'               cmdSubmit   CommandButton  "&Submit"
'               cmdClose    CommandButton  "Close" (Cancel = True)
' Usage     : frmOrderEntry.Init oOrder, oInventory: frmOrderEntry.Show
'==============================================================================
Option Explicit

Private WithEvents mOrder As Order
Attribute mOrder.VB_VarHelpID = -1
Private mInventory As Inventory
Private mDirty As Boolean

Public Sub Init(ByVal oOrder As Order, ByVal oInventory As Inventory)
    Set mOrder = oOrder
    Set mInventory = oInventory
    Me.Caption = "Order Entry - " & oOrder.OrderNo & " - " & oOrder.Customer.Name
    LoadProducts
    RefreshLines
End Sub

Private Sub UserForm_Initialize()
    With Me.cboProduct
        .ColumnCount = 2
        .ColumnWidths = "60 pt;150 pt"
        .BoundColumn = 1
        .Style = fmStyleDropDownList
    End With
    With Me.lstLines
        .ColumnCount = 3
        .ColumnWidths = "60 pt;40 pt;60 pt"
    End With
    Me.txtQty.Value = "1"
    Me.cmdAdd.Enabled = False
    Me.cmdRemove.Enabled = False
End Sub

Private Sub LoadProducts()
    Dim vSku As Variant
    Dim lRow As Long

    Me.cboProduct.Clear
    For Each vSku In mInventory.Skus
        Me.cboProduct.AddItem vSku
        lRow = Me.cboProduct.ListCount - 1
        Me.cboProduct.List(lRow, 1) = mInventory.Product(vSku).Description
    Next vSku
End Sub

Private Sub RefreshLines()
    Dim oLine As OrderLine
    Dim lRow As Long

    Me.lstLines.Clear
    For Each oLine In mOrder
        Me.lstLines.AddItem oLine.Sku
        lRow = Me.lstLines.ListCount - 1
        Me.lstLines.List(lRow, 1) = CStr(oLine.Quantity)
        Me.lstLines.List(lRow, 2) = Format$(oLine.LineTotal, "#,##0.00")
    Next oLine

    Me.lblTotals.Caption = "Subtotal " & Format$(mOrder.SubTotal, "#,##0.00") & vbCrLf & _
                           "Discount " & Format$(mOrder.DiscountTotal, "#,##0.00") & vbCrLf & _
                           "Tax      " & Format$(mOrder.TaxTotal, "#,##0.00") & vbCrLf & _
                           "Total    " & Format$(mOrder.GrandTotal, "#,##0.00")
    Me.cmdRemove.Enabled = (Me.lstLines.ListIndex >= 0)
    Me.cmdSubmit.Enabled = (mOrder.Count > 0)
End Sub

Private Sub cboProduct_Change()
    Dim sSku As String

    If Me.cboProduct.ListIndex < 0 Then
        Me.lblPrice.Caption = ""
        Me.lblStock.Caption = ""
        Me.cmdAdd.Enabled = False
        Exit Sub
    End If

    sSku = Me.cboProduct.Value
    Me.lblPrice.Caption = Format$(mInventory.Product(sSku).UnitPrice, "#,##0.00")
    Me.lblStock.Caption = mInventory.OnHand(sSku) & " in stock"
    Me.cmdAdd.Enabled = IsNumeric(Me.txtQty.Value)
End Sub

' digits only
Private Sub txtQty_KeyPress(ByVal KeyAscii As MSForms.ReturnInteger)
    Select Case KeyAscii
        Case vbKey0 To vbKey9
            ' ok
        Case vbKeyBack
            ' ok
        Case Else
            KeyAscii = 0
            Beep
    End Select
End Sub

Private Sub txtQty_Change()
    Me.cmdAdd.Enabled = (Me.cboProduct.ListIndex >= 0) And IsNumeric(Me.txtQty.Value)
End Sub

Private Sub txtQty_Exit(ByVal Cancel As MSForms.ReturnBoolean)
    If Len(Me.txtQty.Value) = 0 Then Exit Sub
    If Val(Me.txtQty.Value) < 1 Then
        MsgBox "Quantity must be at least 1.", vbExclamation, "Order Entry"
        Cancel = True
    End If
End Sub

Private Sub cmdAdd_Click()
    On Error GoTo ErrHandler

    AddItem mOrder, mInventory, Me.cboProduct.Value, CLng(Me.txtQty.Value)
    Me.txtQty.Value = "1"
    Me.txtQty.SetFocus
    Exit Sub

ErrHandler:
    Select Case Err.Number
        Case oeOutOfStock, oeLineRefused
            MsgBox Err.Description, vbExclamation, "Order Entry"
        Case 13     ' Type mismatch from CLng on a bad quantity
            MsgBox "Please enter a whole number.", vbExclamation, "Order Entry"
        Case Else
            MsgBox "Unexpected error " & ErrorCode(Err.Number) & vbCrLf & Err.Description, _
                   vbCritical, "Order Entry"
    End Select
End Sub

Private Sub cmdRemove_Click()
    Dim sSku As String

    If Me.lstLines.ListIndex < 0 Then Exit Sub
    sSku = Me.lstLines.List(Me.lstLines.ListIndex, 0)
    If MsgBox("Remove " & sSku & " from the order?", vbQuestion + vbYesNo, _
              "Order Entry") = vbYes Then
        RemoveItem mOrder, mInventory, sSku
    End If
End Sub

Private Sub lstLines_Click()
    Me.cmdRemove.Enabled = (Me.lstLines.ListIndex >= 0)
End Sub

Private Sub lstLines_DblClick(ByVal Cancel As MSForms.ReturnBoolean)
    cmdRemove_Click
End Sub

Private Sub cmdSubmit_Click()
    On Error GoTo ErrHandler
    mOrder.Submit
    mDirty = False
    MsgBox "Order " & mOrder.OrderNo & " submitted." & vbCrLf & _
           "Total: " & Format$(mOrder.GrandTotal, "#,##0.00"), vbInformation, "Order Entry"
    Unload Me
    Exit Sub

ErrHandler:
    MsgBox Err.Description, vbExclamation, "Cannot submit"
End Sub

Private Sub cmdClose_Click()
    Unload Me
End Sub

Private Sub UserForm_QueryClose(Cancel As Integer, CloseMode As Integer)
    If CloseMode = vbFormControlMenu Or CloseMode = vbFormCode Then
        If mDirty Then
            If MsgBox("Discard the changes to this order?", vbYesNo + vbQuestion, _
                      "Order Entry") = vbNo Then
                Cancel = True
            End If
        End If
    End If
End Sub

'--- order events -------------------------------------------------------------
Private Sub mOrder_LineAdded(ByVal oLine As OrderLine)
    mDirty = True
    RefreshLines
End Sub

Private Sub mOrder_LineChanged(ByVal sSku As String, ByVal lOldQty As Long, ByVal lNewQty As Long)
    mDirty = True
    RefreshLines
End Sub

Private Sub mOrder_LineRemoved(ByVal sSku As String)
    mDirty = True
    RefreshLines
End Sub
