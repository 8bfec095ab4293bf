Attribute VB_Name = "OrderService"
'==============================================================================
' Module    : OrderService
' Purpose   : Order entry use cases on top of the domain classes: building
'             the catalogue, adding/removing items with stock reservation and
'             rollback, printing an order. Main runs the demo scenario.
' Errors    : all custom errors are vbObjectError + 1001..1008 (OrderError).
'             Callers show Err.Number - vbObjectError to users.
' History   : 2010-09-14  MK  Created for the trade counter workbook
'             2012-03-02  MK  Pricing rules moved behind IPricingRule
'             2014-07-21  SB  Stock reservation rollback in AddItem
'==============================================================================
Option Explicit

Public Enum CustomerTier
    ctStandard = 0
    ctSilver = 1
    ctGold = 2
End Enum

Public Enum OrderStatus
    osDraft = 0
    osSubmitted
    osCancelled
End Enum

Public Enum OrderError
    oeOutOfStock = vbObjectError + 1001
    oeUnknownSku = vbObjectError + 1002
    oeCreditLimit = vbObjectError + 1003
    oeNotDraft = vbObjectError + 1004
    oeLineRefused = vbObjectError + 1005
    oeDuplicateSku = vbObjectError + 1006
    oeEmptyOrder = vbObjectError + 1007
    oeInvalidArgument = vbObjectError + 1008
End Enum

Public Const TAX_RATE As Double = 0.08
Public Const DEFAULT_CREDIT_LIMIT As Currency = 1000
Private Const MONEY_FMT As String = "0.00"

'------------------------------------------------------------------------------
' Factories
'------------------------------------------------------------------------------
Public Function BuildCatalog() As Inventory
    Dim oInv As Inventory

    Set oInv = New Inventory
    oInv.AddProduct NewProduct("WID-001", "Widget, standard", 2.5, True, 10), 100
    oInv.AddProduct NewProduct("GAD-002", "Gadget deluxe", 12, True, 2), 10
    oInv.AddProduct NewProduct("BOK-003", "Service manual", 8.75, False, 3), 5
    Set BuildCatalog = oInv
End Function

Public Function NewProduct(ByVal sSku As String, ByVal sDesc As String, _
                           ByVal cPrice As Currency, ByVal bTaxable As Boolean, _
                           ByVal lReorderLevel As Long) As Product
    Dim oProduct As Product

    Set oProduct = New Product
    oProduct.Init sSku, sDesc, cPrice, bTaxable, lReorderLevel
    Set NewProduct = oProduct
End Function

Public Function NewCustomer(ByVal sId As String, ByVal sName As String, _
                            Optional ByVal eTier As CustomerTier = ctStandard, _
                            Optional ByVal cCreditLimit As Currency = DEFAULT_CREDIT_LIMIT) As Customer
    Dim oCust As Customer

    Set oCust = New Customer
    With oCust
        .Id = sId
        .Name = sName
        .Tier = eTier
        .CreditLimit = cCreditLimit
    End With
    Set NewCustomer = oCust
End Function

Public Function NewOrder(ByVal sOrderNo As String, ByVal dtOrder As Date, _
                         ByVal oCustomer As Customer) As Order
    Dim oOrder As Order
    Dim oVolume As VolumeDiscountRule
    Dim oLoyalty As LoyaltyDiscountRule

    Set oOrder = New Order
    oOrder.OrderNo = sOrderNo
    oOrder.OrderDate = dtOrder
    Set oOrder.Customer = oCustomer

    Set oVolume = New VolumeDiscountRule
    oVolume.Init 20, 0.05
    oOrder.AddRule oVolume

    Set oLoyalty = New LoyaltyDiscountRule
    oLoyalty.Init ctGold, 0.1, 100
    oOrder.AddRule oLoyalty

    Set NewOrder = oOrder
End Function

'------------------------------------------------------------------------------
' AddItem: reserves stock, then adds the line. If anything after the
' reservation fails, the stock is put back and the error passed on.
'------------------------------------------------------------------------------
Public Function AddItem(ByVal oOrder As Order, ByVal oInv As Inventory, _
                        ByVal sSku As String, ByVal lQty As Long) As OrderLine
    Const PROC_NAME As String = "OrderService.AddItem"
    Dim bReserved As Boolean
    Dim oLine As OrderLine
    Dim lErrNum As Long, sErrSrc As String, sErrDesc As String

    On Error GoTo ErrHandler

    If lQty <= 0 Then
        Err.Raise oeInvalidArgument, PROC_NAME, "Quantity must be positive"
    End If

    oInv.Reserve sSku, lQty
    bReserved = True

    Set oLine = oOrder.AddLine(oInv.Product(sSku), lQty)
    If oLine Is Nothing Then
        Err.Raise oeLineRefused, PROC_NAME, "Line refused: " & UCase$(sSku) & " x " & lQty
    End If

    Set AddItem = oLine
    Exit Function

ErrHandler:
    ' keep the error before doing anything that could reset Err
    lErrNum = Err.Number
    sErrSrc = Err.Source
    sErrDesc = Err.Description
    If bReserved Then oInv.Release sSku, lQty
    Err.Raise lErrNum, sErrSrc, sErrDesc
End Function

' Same as AddItem but reports failures instead of raising them
Public Function TryAddItem(ByVal oOrder As Order, ByVal oInv As Inventory, _
                           ByVal sSku As String, ByVal lQty As Long) As Boolean
    On Error GoTo ErrHandler
    AddItem oOrder, oInv, sSku, lQty
    TryAddItem = True
    Exit Function

ErrHandler:
    Debug.Print "  ! error " & ErrorCode(Err.Number) & ": " & Err.Description
    TryAddItem = False
End Function

Public Function RemoveItem(ByVal oOrder As Order, ByVal oInv As Inventory, _
                           ByVal sSku As String) As Boolean
    Dim lQty As Long

    If Not oOrder.HasLine(sSku) Then Exit Function
    lQty = oOrder(sSku).Quantity        ' Item is the default member
    If oOrder.RemoveLine(sSku) Then
        oInv.Release sSku, lQty
        RemoveItem = True
    End If
End Function

'------------------------------------------------------------------------------
' Helpers
'------------------------------------------------------------------------------
Public Function ErrorCode(ByVal lErrNumber As Long) As Long
    ' custom errors are shown without the vbObjectError offset
    If lErrNumber < 0 And lErrNumber > vbObjectError Then
        ErrorCode = lErrNumber - vbObjectError
    Else
        ErrorCode = lErrNumber
    End If
End Function

Public Function TierToName(ByVal eTier As CustomerTier) As String
    Select Case eTier
        Case ctStandard: TierToName = "Standard"
        Case ctSilver:   TierToName = "Silver"
        Case ctGold:     TierToName = "Gold"
        Case Else:       TierToName = "Tier " & eTier
    End Select
End Function

Public Function StatusToName(ByVal eStatus As OrderStatus) As String
    StatusToName = Choose(eStatus + 1, "Draft", "Submitted", "Cancelled")
End Function

Public Sub PrintOrder(ByVal oOrder As Order)
    Dim oLine As OrderLine
    Dim i As Long

    With oOrder
        Debug.Print "Order " & .OrderNo & " dated " & Format$(.OrderDate, "yyyy-mm-dd") & _
                    " for " & .Customer.ToString
        For Each oLine In oOrder
            Debug.Print "  " & oLine.Sku & " x" & oLine.Quantity & _
                        " @ " & Format$(oLine.UnitPrice, MONEY_FMT) & _
                        " = " & Format$(oLine.LineTotal, MONEY_FMT)
        Next oLine
        Debug.Print "Subtotal: " & Format$(.SubTotal, MONEY_FMT)
        For i = 1 To .RuleCount
            Debug.Print "  less " & .Rule(i).RuleName & ": " & _
                        Format$(.Rule(i).CalculateDiscount(oOrder), MONEY_FMT)
        Next i
        Debug.Print "Discount: " & Format$(.DiscountTotal, MONEY_FMT)
        Debug.Print "Tax: " & Format$(.TaxTotal, MONEY_FMT)
        Debug.Print "Total: " & Format$(.GrandTotal, MONEY_FMT)
    End With
End Sub

'------------------------------------------------------------------------------
' Main: demo scenario (see EXPECTED.md for the exact output)
'------------------------------------------------------------------------------
Public Sub Main()
    Dim oInv As Inventory
    Dim oCust As Customer
    Dim oOrder As Order
    Dim oAudit As OrderAuditor
    Dim vSku As Variant

    On Error GoTo ErrHandler

    Debug.Print "=== Order scenario ==="
    Set oInv = BuildCatalog()
    Set oCust = NewCustomer("c042", "Acme Supplies Ltd", ctGold, 500)
    Set oOrder = NewOrder("SO-1001", #3/15/2024#, oCust)
    Debug.Print "Customer: " & oCust.ToString

    ' bad ids are rejected and the old value kept
    On Error Resume Next
    oCust.Id = "42"
    If Err.Number <> 0 Then Debug.Print "  ! rejected id: " & Err.Description
    Err.Clear
    On Error GoTo ErrHandler

    Set oAudit = New OrderAuditor
    oAudit.MaxLineQty = 50
    oAudit.Watch oOrder, oInv

    TryAddItem oOrder, oInv, "WID-001", 24
    TryAddItem oOrder, oInv, "GAD-002", 3
    TryAddItem oOrder, oInv, "bok-003", 2
    TryAddItem oOrder, oInv, "WID-001", 6
    TryAddItem oOrder, oInv, "GAD-002", 20      ' only 7 left
    TryAddItem oOrder, oInv, "XYZ-999", 1       ' not in the catalogue
    TryAddItem oOrder, oInv, "WID-001", 60      ' over the auditor's maximum

    PrintOrder oOrder

    RemoveItem oOrder, oInv, "BOK-003"
    Debug.Print "Total after removal: " & Format$(oOrder.GrandTotal, MONEY_FMT)

    oOrder.Submit
    Debug.Print "Status: " & StatusToName(oOrder.Status)
    TryAddItem oOrder, oInv, "GAD-002", 1       ' too late, already submitted

    Debug.Print "Stock:"
    For Each vSku In oInv.Skus
        Debug.Print "  " & vSku & ": " & oInv.OnHand(vSku)
    Next vSku
    Debug.Print "Stock value: " & Format$(oInv.StockValue, MONEY_FMT)
    Debug.Print "Totals events:"; oAudit.TotalsEvents

    oAudit.StopWatching
    Exit Sub

ErrHandler:
    Debug.Print "Main failed: " & ErrorCode(Err.Number) & " " & Err.Description & _
                " (" & Err.Source & ")"
End Sub

'------------------------------------------------------------------------------
' ShowOrderEntry: opens the order form on a fresh order (interactive only)
'------------------------------------------------------------------------------
Public Sub ShowOrderEntry(Optional ByVal sCustomerId As String = "C001")
    Dim oInv As Inventory
    Dim oOrder As Order

    Set oInv = BuildCatalog()
    Set oOrder = NewOrder("SO-" & Format$(Date, "yymmdd"), Date, _
                          NewCustomer(sCustomerId, "Counter sale"))
    frmOrderEntry.Init oOrder, oInv
    frmOrderEntry.Show vbModal
End Sub
